// A customer's message as the interpreter sees it (built from the stored inbound message), and
// the answer checks of ask_question. Pure: the same input always parses the same way on replay.
import { z } from 'zod';

export const FLOW_INPUT_TYPES = [
  'text',
  'interactive',
  'button',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contacts',
  'reaction',
  'unsupported',
] as const;
export type FlowInputType = (typeof FLOW_INPUT_TYPES)[number];

export const flowInputSchema = z.object({
  /** Our Message id (the idempotency of a signal is keyed on it). */
  messageId: z.string(),
  /** WhatsApp's wamid. */
  providerMessageId: z.string(),
  type: z.enum(FLOW_INPUT_TYPES),
  /** The text, or a media caption. */
  text: z.string().optional(),
  /** The id of the button or list row tapped (interactive replies, template quick replies). */
  replyId: z.string().optional(),
  replyTitle: z.string().optional(),
  media: z.object({ mediaId: z.string(), mimeType: z.string() }).optional(),
  location: z
    .object({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    })
    .optional(),
  contacts: z.array(z.unknown()).optional(),
  receivedAt: z.string(),
});
export type FlowInput = z.output<typeof flowInputSchema>;

export { inputText, parseAnswer, type AnswerRejection, type ParsedAnswer } from './answers.ts';
