// Posts the session (contact, variables) to a URL, plus an extra JSON payload template.
import { z } from 'zod';
import { templateText } from '../shared/fields.ts';

export const webhookDataSchema = z.object({
  url: templateText,
  /** A JSON object template merged into the body as `data`; blank sends none. */
  payload: templateText,
});
export type WebhookData = z.output<typeof webhookDataSchema>;
