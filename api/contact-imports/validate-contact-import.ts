// Step 2 of an import: the whole file checked against a mapping before anything is written, so the
// mapping editor can show each row's type errors (row number, column, message) and how many rows
// would be rejected.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { getContactImportRow, readImportFile } from './contact-import-view.ts';
import { checkImportOptions, loadCustomFields } from './import-targets.ts';
import { validateRows } from './row-validator.ts';
import { MAX_LISTED_ERRORS, type ImportOptions, type ImportValidation } from './schemas.ts';

export async function validateContactImport(
  id: string,
  options: ImportOptions,
  ctx: TenantContext,
): Promise<ImportValidation> {
  const row = await getContactImportRow(id, ctx);
  if (row.status !== 'uploaded') {
    throw new AppError(
      'CONFLICT',
      `This import is ${row.status}: upload the file again to import it with another mapping`,
    );
  }
  const file = await readImportFile(ctx.services.mediaStore, row);
  const fields = await loadCustomFields(ctx.db);
  await checkImportOptions(file.headers, options, fields, ctx.db);
  const result = validateRows(file.headers, file.rows, options.mapping, fields, options.defaultCountry);
  const errorsByColumn: Record<string, number> = {};
  for (const error of result.errors) {
    const column = error.column ?? '';
    errorsByColumn[column] = (errorsByColumn[column] ?? 0) + 1;
  }
  return {
    totalRows: file.rows.length,
    validRows: file.rows.length - result.rejectedRows,
    rejectedRows: result.rejectedRows,
    errors: result.errors.slice(0, MAX_LISTED_ERRORS),
    errorCount: result.errors.length,
    errorsByColumn,
  };
}
