// Rows of a data table: values by column name, only the table's columns. Added in bulk (an import),
// listed oldest first (the order data_table_lookup picks the first match in), edited one by one.
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { pageArgs, toPage, type PageQuery } from '../http/pagination.ts';
import { getDataTable } from './manage-data-tables.ts';
import type { AddRowsInput, DataTableRow, RowValues, UpdateRowInput } from './schemas.ts';

const rowSelect = { id: true, values: true, createdAt: true } as const;

function toRow(row: { id: string; values: unknown; createdAt: Date }): DataTableRow {
  return { ...row, values: row.values as RowValues };
}

/** Every cell must belong to a column of the table; the field names the row and the column. */
function checkColumns(columns: string[], values: RowValues, field: string): void {
  const unknown = Object.keys(values).find((column) => !columns.includes(column));
  if (unknown !== undefined) {
    throw AppError.field(`${field}.${unknown}`, `is not a column of this table (${columns.join(', ')})`);
  }
}

export async function listRows(tableId: string, query: PageQuery, ctx: TenantContext): Promise<Page<DataTableRow>> {
  await getDataTable(tableId, ctx);
  const rows = await ctx.db.dataTableRow.findMany({
    ...pageArgs(query),
    where: { tableId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: rowSelect,
  });
  return toPage(rows, query, toRow);
}

export async function addRows(
  tableId: string,
  input: AddRowsInput,
  ctx: TenantContext,
): Promise<{ items: DataTableRow[] }> {
  const table = await getDataTable(tableId, ctx);
  input.rows.forEach((values, index) => checkColumns(table.columns, values, `rows.${index}`));
  const rows = await ctx.db.dataTableRow.createManyAndReturn({
    data: input.rows.map((values) => ({ tenantId: ctx.db.tenantId, tableId, values })),
    select: rowSelect,
  });
  await audit(ctx, {
    action: 'dataTable.rowsAdded',
    targetType: 'dataTable',
    targetId: tableId,
    metadata: { name: table.name, count: rows.length },
  });
  return { items: rows.map(toRow) };
}

export async function updateRow(
  tableId: string,
  rowId: string,
  input: UpdateRowInput,
  ctx: TenantContext,
): Promise<DataTableRow> {
  const table = await getDataTable(tableId, ctx);
  const current = await ctx.db.dataTableRow.findFirst({ where: { id: rowId, tableId }, select: rowSelect });
  if (!current) {
    throw AppError.notFound('Row');
  }
  checkColumns(table.columns, input.values, 'values');
  const row = await ctx.db.dataTableRow.update({
    where: { id: rowId },
    data: { values: { ...(current.values as RowValues), ...input.values } },
    select: rowSelect,
  });
  await audit(ctx, {
    action: 'dataTable.rowUpdated',
    targetType: 'dataTable',
    targetId: tableId,
    metadata: { name: table.name, rowId, changed: Object.keys(input.values) },
  });
  return toRow(row);
}

export async function deleteRow(tableId: string, rowId: string, ctx: TenantContext): Promise<void> {
  const table = await getDataTable(tableId, ctx);
  const { count } = await ctx.db.dataTableRow.deleteMany({ where: { id: rowId, tableId } });
  if (count === 0) {
    throw AppError.notFound('Row');
  }
  await audit(ctx, {
    action: 'dataTable.rowDeleted',
    targetType: 'dataTable',
    targetId: tableId,
    metadata: { name: table.name, rowId },
  });
}
