// Routes on what the customer wants: a model when the workspace has one, else keyword matching
// (intent.ts). Each intent is an output `intent:<id>`, plus `fallback`.
import { z } from 'zod';
import { handleIdSchema } from '../shared/fields.ts';

export const intentSchema = z.object({
  id: handleIdSchema,
  name: z.string().default(''),
  keywords: z.array(z.string()).default(() => []),
});
export type Intent = z.output<typeof intentSchema>;

export const aiIntentDataSchema = z.object({
  intents: z.array(intentSchema).default(() => []),
  /** The text to classify (a template). */
  input: z.string().default('{{last_input}}'),
});
export type AiIntentData = z.output<typeof aiIntentDataSchema>;
