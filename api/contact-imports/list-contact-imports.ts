// Reading imports: the history (newest first), one import (what the progress page polls), the
// file's preview again for the mapping editor, and the CSV report of rejected rows.
import type { Page, PageQuery } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import {
  contactImportSelect,
  creatorNames,
  getContactImportRow,
  readImportFile,
  storedMappingSchema,
  toContactImport,
  viewContactImport,
} from './contact-import-view.ts';
import { importTargets, loadCustomFields, suggestMapping } from './import-targets.ts';
import { PREVIEW_ROWS, type ContactImport, type ImportPreview } from './schemas.ts';

export async function listContactImports(query: PageQuery, ctx: TenantContext): Promise<Page<ContactImport>> {
  const rows = await ctx.db.contactImport.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    select: contactImportSelect,
  });
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const names = await creatorNames(ctx.db, page);
  return {
    items: page.map((row) => toContactImport(row, names)),
    nextCursor: hasMore ? (page.at(-1)?.id ?? null) : null,
  };
}

export async function getContactImport(id: string, ctx: TenantContext): Promise<ContactImport> {
  return viewContactImport(await getContactImportRow(id, ctx), ctx);
}

export async function previewContactImport(id: string, ctx: TenantContext): Promise<ImportPreview> {
  const row = await getContactImportRow(id, ctx);
  const file = await readImportFile(ctx.services.mediaStore, row, PREVIEW_ROWS);
  const fields = await loadCustomFields(ctx.db);
  const saved = row.mapping ? storedMappingSchema.parse(row.mapping).columns : null;
  return {
    import: await viewContactImport(row, ctx),
    headers: file.headers,
    rows: file.rows.slice(0, PREVIEW_ROWS),
    totalRows: row.totalRows,
    suggestedMapping: saved ?? suggestMapping(file.headers, fields),
    targets: importTargets(fields),
  };
}

export async function downloadImportReport(
  id: string,
  ctx: TenantContext,
): Promise<{ filename: string; content: string }> {
  const row = await getContactImportRow(id, ctx);
  const report = row.reportKey && row.status !== 'importing' ? await ctx.services.mediaStore.get(row.reportKey) : null;
  if (!report) {
    throw AppError.notFound('Report of rejected rows');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of report.stream) {
    chunks.push(chunk as Buffer);
  }
  const base = row.filename.replace(/\.[^.]*$/, '');
  return { filename: `${base}-rejected-rows.csv`, content: Buffer.concat(chunks).toString('utf8') };
}
