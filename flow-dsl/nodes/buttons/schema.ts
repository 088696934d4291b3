// Reply buttons (1–3); each button is an output `button:<id>`, plus `invalid` and `timeout`.
import { z } from 'zod';
import { handleIdSchema, replySettingsShape, templateText } from '../shared/fields.ts';

export const replyButtonSchema = z.object({ id: handleIdSchema, title: z.string().default('') });
export type ReplyButton = z.output<typeof replyButtonSchema>;

export const buttonsDataSchema = z.object({
  body: templateText,
  header: templateText,
  footer: templateText,
  buttons: z.array(replyButtonSchema).default(() => []),
  ...replySettingsShape,
});
export type ButtonsData = z.output<typeof buttonsDataSchema>;
