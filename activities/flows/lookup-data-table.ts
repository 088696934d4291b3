// The data_table_lookup node: the first row (oldest) whose column equals the value, compared as
// text, mapped into variables. Null when nothing matches (the `not_found` branch).
import { ApplicationFailure } from '@temporalio/activity';
import { createTenantDb } from '#db/tenant-db';
import type { ActivityDeps } from '../deps.ts';

export type LookupDataTableInput = {
  tenantId: string;
  tableId: string;
  column: string;
  value: string;
  resultMapping: Array<{ variable: string; column: string }>;
};

export function createLookupDataTableActivity(deps: ActivityDeps) {
  return async function lookupDataTable(input: LookupDataTableInput): Promise<Record<string, unknown> | null> {
    const db = createTenantDb(deps.prisma, input.tenantId);
    return db.transaction(async (tx) => {
      const table = await tx.dataTable.findFirst({
        where: { id: input.tableId, tenantId: input.tenantId },
        select: { id: true },
      });
      if (!table) {
        throw ApplicationFailure.nonRetryable(`Data table ${input.tableId} does not exist`, 'NotFound');
      }
      // JSON path equality on the text value; numbers saved as numbers match their text form too.
      const rows = await tx.$queryRaw<Array<{ values: Record<string, unknown> }>>`
        SELECT "values" FROM "DataTableRow"
        WHERE "tableId" = ${input.tableId}::uuid AND "tenantId" = ${input.tenantId}::uuid
          AND "values" ->> ${input.column} = ${input.value}
        ORDER BY "createdAt" ASC LIMIT 1`;
      const row = rows[0];
      if (!row) {
        return null;
      }
      return Object.fromEntries(input.resultMapping.map((m) => [m.variable, row.values[m.column] ?? null]));
    });
  };
}
