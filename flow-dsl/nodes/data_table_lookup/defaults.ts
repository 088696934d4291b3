import type { DataTableLookupData } from './schema.ts';

export const dataTableLookupDefaults = {
  tableId: '',
  column: '',
  value: '',
  resultMapping: [],
} satisfies DataTableLookupData;
