import { z } from 'zod';
import { dateTimeSchema, idParamSchema, pageSchema } from '../common/schemas.ts';

export const MAX_COLUMNS = 50;
export const MAX_ROWS_PER_REQUEST = 1000;

export const dataTableSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  columns: z.array(z.string()),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
});
export type DataTable = z.infer<typeof dataTableSchema>;
export const dataTablePageSchema = pageSchema(dataTableSchema);
export const dataTableParamsSchema = idParamSchema('tableId');
export const dataTableRowParamsSchema = z.object({
  tableId: z.uuid('is not a valid id'),
  rowId: z.uuid('is not a valid id'),
});

const columnsSchema = z
  .array(z.string().trim().min(1, 'must not be empty').max(60))
  .min(1, 'needs at least one column')
  .max(MAX_COLUMNS, `allows at most ${MAX_COLUMNS} columns`)
  .refine((columns) => new Set(columns).size === columns.length, 'must not repeat a column name');

export const createDataTableInputSchema = z.strictObject({
  name: z.string().trim().min(2, 'must be at least 2 characters').max(60),
  columns: columnsSchema,
});
export type CreateDataTableInput = z.infer<typeof createDataTableInputSchema>;

/** Renaming or replacing the columns; values of rows under removed columns are kept but not shown. */
export const updateDataTableInputSchema = createDataTableInputSchema.partial();
export type UpdateDataTableInput = z.infer<typeof updateDataTableInputSchema>;

/** One cell: data_table_lookup compares cells as text, so numbers match their text form too. */
const cellSchema = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);
export const rowValuesSchema = z.record(z.string(), cellSchema);
export type RowValues = z.infer<typeof rowValuesSchema>;

export const dataTableRowSchema = z.object({ id: z.uuid(), values: rowValuesSchema, createdAt: dateTimeSchema });
export type DataTableRow = z.infer<typeof dataTableRowSchema>;
export const dataTableRowPageSchema = pageSchema(dataTableRowSchema);

export const addRowsInputSchema = z.strictObject({
  rows: z
    .array(rowValuesSchema)
    .min(1, 'needs at least one row')
    .max(MAX_ROWS_PER_REQUEST, `allows at most ${MAX_ROWS_PER_REQUEST} rows per request`),
});
export type AddRowsInput = z.infer<typeof addRowsInputSchema>;
export const addedRowsSchema = z.object({ items: z.array(dataTableRowSchema) });

/** The cells sent replace those of the row; the others stay. */
export const updateRowInputSchema = z.strictObject({ values: rowValuesSchema });
export type UpdateRowInput = z.infer<typeof updateRowInputSchema>;
