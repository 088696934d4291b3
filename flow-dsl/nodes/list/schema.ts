// A list message: sections of rows; each row is an output `row:<id>`, plus `invalid` and `timeout`.
import { z } from 'zod';
import { handleIdSchema, replySettingsShape, templateText } from '../shared/fields.ts';

export const listRowSchema = z.object({
  id: handleIdSchema,
  title: z.string().default(''),
  description: z.string().default(''),
});
export type ListRow = z.output<typeof listRowSchema>;

export const listSectionSchema = z.object({
  title: z.string().default(''),
  rows: z.array(listRowSchema).default(() => []),
});
export type ListSection = z.output<typeof listSectionSchema>;

export const listDataSchema = z.object({
  body: templateText,
  /** The label of the button that opens the list. */
  buttonText: z.string().default('Choose'),
  header: templateText,
  footer: templateText,
  sections: z.array(listSectionSchema).default(() => []),
  ...replySettingsShape,
});
export type ListData = z.output<typeof listDataSchema>;
