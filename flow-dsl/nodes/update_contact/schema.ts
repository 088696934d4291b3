// Writes the contact's name or a custom field (`fields.<key>`) from templates.
import { z } from 'zod';
import { templateText } from '../shared/fields.ts';

export const CONTACT_FIELD_PATTERN = /^(name|fields\.[a-zA-Z_][a-zA-Z0-9_]*)$/;

export const contactUpdateSchema = z.object({
  field: z.union([
    z.literal(''),
    z.string().regex(CONTACT_FIELD_PATTERN, 'a contact field is `name` or `fields.<key>`'),
  ]),
  value: templateText,
});
export type ContactUpdate = z.output<typeof contactUpdateSchema>;

export const updateContactDataSchema = z.object({ updates: z.array(contactUpdateSchema).default(() => []) });
export type UpdateContactData = z.output<typeof updateContactDataSchema>;
