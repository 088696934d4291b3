import { replySettingsDefaults } from '../shared/fields.ts';
import type { AskQuestionData } from './schema.ts';

export const askQuestionDefaults = {
  prompt: '',
  inputType: 'text',
  validation: {},
  ...replySettingsDefaults,
} satisfies AskQuestionData;
