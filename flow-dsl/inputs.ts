// A customer's message as the interpreter sees it (built from the stored inbound message), and
// the answer checks of ask_question. Pure: the same input always parses the same way on replay.
import { z } from 'zod';
import { parseByInputType } from './answer-parsers.ts';
import type { AskQuestionData } from './nodes/ask_question/schema.ts';

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

export type AnswerRejection =
  | 'wrong_type'
  | 'empty'
  | 'invalid_email'
  | 'invalid_phone'
  | 'invalid_number'
  | 'invalid_date'
  | 'too_small'
  | 'too_large'
  | 'too_short'
  | 'too_long'
  | 'pattern_mismatch';

export type ParsedAnswer = { ok: true; value: unknown } | { ok: false; reason: AnswerRejection };

/**
 * Checks a reply against an ask_question node: the value to save, or why it does not fit (the
 * interpreter then sends the retry prompt). Values: text/email/phone/date are strings (email in
 * lower case, phone as `+<digits>`, date as `YYYY-MM-DD`), number a number, media
 * `{ mediaId, mimeType, caption? }`, location the location object, contact the first card.
 */
export function parseAnswer(
  question: Pick<AskQuestionData, 'inputType' | 'validation'>,
  input: FlowInput,
): ParsedAnswer {
  return parseByInputType(question.inputType, question.validation, input);
}

/** What `{{last_input}}` holds after this message: the text, or the title of the reply tapped. */
export function inputText(input: FlowInput): string {
  return input.text ?? input.replyTitle ?? '';
}
