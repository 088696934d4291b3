// Appends a row to a Google Sheet, or looks one up by a column's value, through a tenant integration.
import { z } from 'zod';
import { columnMappingSchema, templateText } from '../shared/fields.ts';

export const googleSheetsDataSchema = z.object({
  integrationId: z.string().default(''),
  spreadsheetId: z.string().default(''),
  sheet: z.string().default(''),
  action: z.enum(['append', 'lookup']).default('append'),
  /** append: one template per column, left to right. */
  values: z.array(z.string()).default(() => []),
  /** lookup: the header of the column to search and the (template) value to find. */
  lookupColumn: z.string().default(''),
  lookupValue: templateText,
  resultMapping: z.array(columnMappingSchema).default(() => []),
});
export type GoogleSheetsData = z.output<typeof googleSheetsDataSchema>;
