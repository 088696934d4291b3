// A plain text message (at most WHATSAPP_LIMITS.textBody characters once rendered).
import { z } from 'zod';
import { templateText } from '../shared/fields.ts';

export const sendTextDataSchema = z.object({
  text: templateText,
  /** Lets WhatsApp render a preview of the first link in the text. */
  previewUrl: z.boolean().default(false),
});
export type SendTextData = z.output<typeof sendTextDataSchema>;
