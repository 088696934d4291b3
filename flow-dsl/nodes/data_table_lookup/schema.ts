// Finds the first row of a workspace data table whose `column` equals the (template) value.
import { z } from 'zod';
import { columnMappingSchema, templateText } from '../shared/fields.ts';

export const dataTableLookupDataSchema = z.object({
  tableId: z.string().default(''),
  column: z.string().default(''),
  value: templateText,
  resultMapping: z.array(columnMappingSchema).default(() => []),
});
export type DataTableLookupData = z.output<typeof dataTableLookupDataSchema>;
