import type { GoogleSheetsData } from './schema.ts';

export const googleSheetsDefaults = {
  integrationId: '',
  spreadsheetId: '',
  sheet: '',
  action: 'append',
  values: [],
  lookupColumn: '',
  lookupValue: '',
  resultMapping: [],
} satisfies GoogleSheetsData;
