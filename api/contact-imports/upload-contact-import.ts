// Step 1 of an import: the file is read whole (a file that cannot be is refused before anything is
// stored), kept in file storage (the media store, never the database) and answered with its
// columns, first rows, row count and the mapping the columns' names suggest.
import { randomUUID } from 'node:crypto';
import { mediaKey } from '#lib/media-store';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import type { MultipartUpload, UploadedFile } from '../media/multipart-upload.ts';
import { contactImportSelect, viewContactImport } from './contact-import-view.ts';
import { importTargets, loadCustomFields, suggestMapping } from './import-targets.ts';
import { parseImportFile, type ImportFormat } from './parse-import-file.ts';
import { MAX_IMPORT_BYTES, PREVIEW_ROWS, type ImportPreview } from './schemas.ts';

const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel']);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function uploadContactImport(upload: MultipartUpload, ctx: TenantContext): Promise<ImportPreview> {
  const file = await upload.read(MAX_IMPORT_BYTES, () => MAX_IMPORT_BYTES);
  if (!file) {
    throw AppError.field('file', 'is required: a multipart/form-data part named "file"');
  }
  const format = formatOf(file);
  if (file.truncated) {
    throw AppError.field('file', `is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, 'PAYLOAD_TOO_LARGE');
  }
  const parsed = await parseImportFile(file.bytes, format);
  const id = randomUUID();
  const fileKey = mediaKey(ctx.db.tenantId, randomUUID());
  await ctx.services.mediaStore.put(fileKey, file.bytes);
  const row = await ctx.db.contactImport
    .create({
      data: {
        id,
        tenantId: ctx.db.tenantId,
        createdById: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
        filename: (file.filename ?? `contacts.${format}`).slice(0, 255),
        fileKey,
        format,
        totalRows: parsed.rows.length,
      },
      select: contactImportSelect,
    })
    .catch(async (error: unknown) => {
      await ctx.services.mediaStore.delete(fileKey);
      throw error;
    });
  await audit(ctx, {
    action: 'contacts.import_uploaded',
    targetType: 'contactImport',
    targetId: id,
    metadata: { filename: row.filename, format, rows: parsed.rows.length },
  });
  const fields = await loadCustomFields(ctx.db);
  return {
    import: await viewContactImport(row, ctx),
    headers: parsed.headers,
    rows: parsed.rows.slice(0, PREVIEW_ROWS),
    totalRows: parsed.rows.length,
    suggestedMapping: suggestMapping(parsed.headers, fields),
    targets: importTargets(fields),
  };
}

/** CSV or Excel by the file's extension, else its declared type; anything else is a 400 naming `file`. */
function formatOf(file: UploadedFile): ImportFormat {
  const name = file.filename ?? '';
  const extension = name.includes('.') ? name.split('.').at(-1)!.toLowerCase() : '';
  const type = file.mimeType.split(';')[0]!.trim().toLowerCase();
  if (extension === 'xls') {
    throw AppError.field('file', 'is an old Excel (.xls) workbook: save it as .xlsx or CSV and upload that');
  }
  if (extension === 'csv' || extension === 'txt' || (extension !== 'xlsx' && CSV_TYPES.has(type))) {
    return 'csv';
  }
  if (extension === 'xlsx' || type === XLSX_TYPE) {
    return 'xlsx';
  }
  throw AppError.field('file', `must be a CSV (.csv) or Excel (.xlsx) file, not ${name || type}`);
}
