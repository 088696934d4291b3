// Answers the customer's last message from a knowledge text (a model, or intent.ts's lookup).
import { z } from 'zod';
import { draftVariableNameSchema } from '../../variables.ts';
import { templateText } from '../shared/fields.ts';

export const aiReplyDataSchema = z.object({
  instructions: z.string().default(''),
  /** Q/A paragraphs separated by blank lines. */
  knowledge: z.string().default(''),
  /** Sent when nothing in the knowledge fits. */
  fallbackText: templateText,
  /** Also keeps the reply in this variable (blank: only sends it). */
  saveAs: draftVariableNameSchema.default(''),
});
export type AiReplyData = z.output<typeof aiReplyDataSchema>;
