// Asks a free-form question and checks the answer (inputs.ts parseAnswer) before saving it.
import { z } from 'zod';
import { replySettingsShape, templateText } from '../shared/fields.ts';

export const QUESTION_INPUT_TYPES = [
  'text',
  'number',
  'email',
  'phone',
  'date',
  'image',
  'video',
  'audio',
  'document',
  'location',
  'contact',
] as const;
export type QuestionInputType = (typeof QUESTION_INPUT_TYPES)[number];

export const answerValidationSchema = z.object({
  /** number: the smallest and largest accepted value. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** text: length bounds and a regular expression the whole answer must match. */
  minLength: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(1).optional(),
  pattern: z.string().optional(),
});
export type AnswerValidation = z.output<typeof answerValidationSchema>;

export const askQuestionDataSchema = z.object({
  prompt: templateText,
  inputType: z.enum(QUESTION_INPUT_TYPES).default('text'),
  validation: answerValidationSchema.default(() => ({})),
  ...replySettingsShape,
});
export type AskQuestionData = z.output<typeof askQuestionDataSchema>;
