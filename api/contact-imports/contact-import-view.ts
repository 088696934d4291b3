// A ContactImport row as the API shows it, its stored options (the `mapping` column holds the
// column mapping and the default country, see storedMappingSchema) and its uploaded file.
import { z } from 'zod';
import type { Prisma } from '#db/client';
import type { TenantDb } from '#db/tenant-db';
import type { MediaStore } from '#lib/media-store';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { parseImportFile, type ImportFormat, type ParsedImportFile } from './parse-import-file.ts';
import { importMappingSchema, type ContactImport, type ContactImportStatus, type ImportOptions } from './schemas.ts';

/** ContactImport.mapping: `{ columns: { header: target | null }, defaultCountry }`. */
export const storedMappingSchema = z.object({
  columns: importMappingSchema,
  defaultCountry: z.string().nullable(),
});
export type StoredMapping = z.infer<typeof storedMappingSchema>;

export const contactImportSelect = {
  id: true,
  filename: true,
  fileKey: true,
  format: true,
  status: true,
  mapping: true,
  onExisting: true,
  tags: true,
  groupId: true,
  totalRows: true,
  processedRows: true,
  createdCount: true,
  updatedCount: true,
  skippedCount: true,
  rejectedCount: true,
  reportKey: true,
  error: true,
  createdById: true,
  startedAt: true,
  completedAt: true,
  createdAt: true,
} satisfies Prisma.ContactImportSelect;

export type ContactImportRow = Prisma.ContactImportGetPayload<{ select: typeof contactImportSelect }>;

export function toContactImport(row: ContactImportRow, names: Map<string, string>): ContactImport {
  const stored = row.mapping ? storedMappingSchema.parse(row.mapping) : null;
  return {
    id: row.id,
    filename: row.filename,
    format: row.format as ImportFormat,
    status: row.status as ContactImportStatus,
    mapping: stored?.columns ?? null,
    onExisting: row.onExisting as ImportOptions['onExisting'],
    tags: row.tags,
    groupId: row.groupId,
    defaultCountry: stored?.defaultCountry ?? null,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    createdCount: row.createdCount,
    updatedCount: row.updatedCount,
    skippedCount: row.skippedCount,
    rejectedCount: row.rejectedCount,
    hasReport: row.reportKey !== null && row.status !== 'importing',
    error: row.error,
    createdBy: row.createdById ? (names.get(row.createdById) ?? null) : null,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    createdAt: row.createdAt,
  };
}

/** The names of the members who started these imports. */
export async function creatorNames(db: TenantDb, rows: Array<{ createdById: string | null }>) {
  const ids = [...new Set(rows.map((row) => row.createdById).filter((id): id is string => id !== null))];
  const users = ids.length
    ? await db.membership.findMany({
        where: { userId: { in: ids } },
        select: { user: { select: { id: true, name: true } } },
      })
    : [];
  return new Map(users.map(({ user }) => [user.id, user.name]));
}

export async function getContactImportRow(id: string, ctx: TenantContext): Promise<ContactImportRow> {
  const row = await ctx.db.contactImport.findUnique({ where: { id }, select: contactImportSelect });
  if (!row) {
    throw AppError.notFound('Contact import');
  }
  return row;
}

export async function viewContactImport(row: ContactImportRow, ctx: TenantContext): Promise<ContactImport> {
  return toContactImport(row, await creatorNames(ctx.db, [row]));
}

/** The uploaded file, read again from storage and parsed (only its first rows with `firstRows`). */
export async function readImportFile(
  store: MediaStore,
  row: { fileKey: string; format: string },
  firstRows?: number,
): Promise<ParsedImportFile> {
  const file = await store.get(row.fileKey);
  if (!file) {
    throw new AppError('NOT_FOUND', 'The uploaded file is no longer stored: upload it again');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream) {
    chunks.push(chunk as Buffer);
  }
  return parseImportFile(Buffer.concat(chunks), row.format as ImportFormat, firstRows);
}
