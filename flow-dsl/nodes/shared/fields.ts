// Field schemas several node types share. Text fields accept '' so the builder can save a draft
// with blanks; validate.ts reports a blank that matters as `missing_field`.
import { z } from 'zod';
import { draftVariableNameSchema } from '../../variables.ts';

export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_REPLY_TIMEOUT_SECONDS = 3600;
/** A question waits at most a week: past the 24 h service window only templates get through. */
export const MAX_REPLY_TIMEOUT_SECONDS = 7 * 24 * 3600;

/** A template string (`Hi {{contact.name}}`); blank allowed in drafts. */
export const templateText = z.string().default('');

/** Settings of the nodes that wait for a reply: buttons, list, ask_question. */
export const replySettingsShape = {
  saveAs: draftVariableNameSchema.default(''),
  timeoutSeconds: z.number().int().min(1).max(MAX_REPLY_TIMEOUT_SECONDS).default(DEFAULT_REPLY_TIMEOUT_SECONDS),
  /** Sent when the answer does not fit, before asking again; blank repeats the question. */
  retryPrompt: templateText,
  maxAttempts: z.number().int().min(1).max(10).default(DEFAULT_MAX_ATTEMPTS),
};

export const replySettingsDefaults = {
  saveAs: '',
  timeoutSeconds: DEFAULT_REPLY_TIMEOUT_SECONDS,
  retryPrompt: '',
  maxAttempts: DEFAULT_MAX_ATTEMPTS,
};

/** An output id inside a node (button, row, variant, intent); it becomes part of a handle name. */
export const handleIdSchema = z.string().default('');

/** Copies columns of a found row into variables (data tables, Google Sheets). */
export const columnMappingSchema = z.object({ variable: draftVariableNameSchema, column: z.string().default('') });
export type ColumnMapping = z.output<typeof columnMappingSchema>;
