import type { SendTemplateData } from './schema.ts';

export const sendTemplateDefaults = {
  templateName: '',
  language: 'en_US',
  headerParams: [],
  bodyParams: [],
  buttonParams: [],
} satisfies SendTemplateData;
