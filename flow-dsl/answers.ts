// What the interpreter does with a customer's message: the text `{{last_input}}` holds, and the
// answer checks of ask_question. Without zod on purpose: Temporal evaluates a workflow's imports
// for every new session, so the interpreter imports only what it runs (docs/benchmarks.md).
import { parseByInputType } from './answer-parsers.ts';
import type { FlowInput } from './inputs.ts';
import type { AskQuestionData } from './nodes/ask_question/schema.ts';

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
