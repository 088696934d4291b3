import { replySettingsDefaults } from '../shared/fields.ts';
import type { ListData } from './schema.ts';

export const listDefaults = {
  body: '',
  buttonText: 'Choose',
  header: '',
  footer: '',
  sections: [{ title: '', rows: [{ id: 'option_1', title: 'Option 1', description: '' }] }],
  ...replySettingsDefaults,
} satisfies ListData;
