import { replySettingsDefaults } from '../shared/fields.ts';
import type { ButtonsData } from './schema.ts';

export const buttonsDefaults = {
  body: '',
  header: '',
  footer: '',
  buttons: [{ id: 'yes', title: 'Yes' }],
  ...replySettingsDefaults,
} satisfies ButtonsData;
