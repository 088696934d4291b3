// Data tables flows look values up in (the data_table_lookup node): a named list of columns and
// rows of values by column name, the shape activities/flows/lookup-data-table.ts queries.
import { isUniqueViolation } from '#db/errors';
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { pageArgs, toPage, type PageQuery } from '../http/pagination.ts';
import type { CreateDataTableInput, DataTable, UpdateDataTableInput } from './schemas.ts';

export const dataTableSelect = { id: true, name: true, columns: true, createdAt: true, updatedAt: true } as const;

function duplicate(error: unknown): unknown {
  return isUniqueViolation(error) ? AppError.field('name', 'is already used by another data table', 'CONFLICT') : error;
}

export async function listDataTables(query: PageQuery, ctx: TenantContext): Promise<Page<DataTable>> {
  const rows = await ctx.db.dataTable.findMany({ ...pageArgs(query), select: dataTableSelect });
  return toPage(rows, query, (row) => row);
}

export async function getDataTable(tableId: string, ctx: TenantContext): Promise<DataTable> {
  const row = await ctx.db.dataTable.findUnique({ where: { id: tableId }, select: dataTableSelect });
  if (!row) {
    throw AppError.notFound('Data table');
  }
  return row;
}

export async function createDataTable(input: CreateDataTableInput, ctx: TenantContext): Promise<DataTable> {
  const row = await ctx.db.dataTable
    .create({
      data: { tenantId: ctx.db.tenantId, name: input.name, columns: input.columns },
      select: dataTableSelect,
    })
    .catch((error: unknown) => {
      throw duplicate(error);
    });
  await audit(ctx, {
    action: 'dataTable.created',
    targetType: 'dataTable',
    targetId: row.id,
    metadata: { name: input.name },
  });
  return row;
}

export async function updateDataTable(
  tableId: string,
  input: UpdateDataTableInput,
  ctx: TenantContext,
): Promise<DataTable> {
  await getDataTable(tableId, ctx);
  const row = await ctx.db.dataTable
    .update({
      where: { id: tableId },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.columns !== undefined ? { columns: input.columns } : {}),
      },
      select: dataTableSelect,
    })
    .catch((error: unknown) => {
      throw duplicate(error);
    });
  await audit(ctx, {
    action: 'dataTable.updated',
    targetType: 'dataTable',
    targetId: tableId,
    metadata: { name: row.name, changed: Object.keys(input) },
  });
  return row;
}

export async function deleteDataTable(tableId: string, ctx: TenantContext): Promise<void> {
  const table = await getDataTable(tableId, ctx);
  await ctx.db.dataTable.delete({ where: { id: tableId } });
  await audit(ctx, {
    action: 'dataTable.deleted',
    targetType: 'dataTable',
    targetId: tableId,
    metadata: { name: table.name },
  });
}
