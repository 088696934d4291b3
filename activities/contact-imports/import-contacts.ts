// The contactImport workflow's side effects. importContactChunks reads and checks the whole file
// before it writes anything (a file that no longer reads is a non-retryable failure), stores the
// report of rejected rows, then writes the rows chunk by chunk from where the import's progress
// stands, heartbeating after each chunk. A retry re-reads the file and resumes at processedRows:
// write-chunk.ts makes every chunk count once.
import { ApplicationFailure, Context } from '@temporalio/activity';
import { stringify } from 'csv-stringify/sync';
import { readImportFile, storedMappingSchema } from '#api/contact-imports/contact-import-view';
import { loadCustomFields } from '#api/contact-imports/import-targets';
import { validateRows } from '#api/contact-imports/row-validator';
import type { RowError } from '#api/contact-imports/schemas';
import { AppError } from '#api/errors';
import { emitContactChanges, emitContactCreated } from '#api/events/contact-events';
import { eventInterest } from '#api/events/event-interest';
import { formulaSafe } from '#api/inbox/export-csv';
import { createTenantDb } from '#db/tenant-db';
import { mediaKey } from '#lib/media-store';
import type { ContactImportInput } from '#workflows/contact-import/messages';
import type { ActivityDeps } from '../deps.ts';
import { writeChunk, type WrittenContact } from './write-chunk.ts';

/** Rows per transaction: large enough for bulk statements, small enough for steady progress. */
export const IMPORT_CHUNK_ROWS = 5000;

export type ImportOutcome = { status: 'completed' | 'cancelled' };

export function createContactImportActivities(deps: ActivityDeps) {
  return {
    async importContactChunks(input: ContactImportInput): Promise<ImportOutcome> {
      const db = createTenantDb(deps.prisma, input.tenantId);
      const row = await db.contactImport.findUnique({ where: { id: input.importId } });
      if (!row) {
        throw ApplicationFailure.nonRetryable(`Contact import ${input.importId} does not exist`, 'NotFound');
      }
      if (row.status !== 'importing') {
        return { status: row.status === 'completed' ? 'completed' : 'cancelled' };
      }
      Context.current().heartbeat({ phase: 'reading' });
      const file = await readImportFile(deps.mediaStore, row).catch((error: unknown) => {
        throw error instanceof AppError ? ApplicationFailure.nonRetryable(error.message, 'UnreadableFile') : error;
      });
      const mapping = storedMappingSchema.parse(row.mapping);
      const fields = await loadCustomFields(db);
      const checked = validateRows(file.headers, file.rows, mapping.columns, fields, mapping.defaultCountry);
      Context.current().heartbeat({ phase: 'checked' });
      if (checked.rejectedRows > 0 && !row.reportKey) {
        const reportKey = mediaKey(input.tenantId, input.importId);
        await deps.mediaStore.put(reportKey, rejectedRowsCsv(file.headers, file.rows, checked.errors));
        await db.contactImport.update({ where: { id: input.importId }, data: { reportKey } });
      }
      const batchTags = row.tags;
      const report = await contactEventsWanted(deps, input.tenantId);
      for (let start = row.processedRows; start < file.rows.length; start += IMPORT_CHUNK_ROWS) {
        const end = Math.min(start + IMPORT_CHUNK_ROWS, file.rows.length);
        const slice = checked.contacts.slice(start, end);
        const contacts = slice.flatMap((contact) =>
          contact ? [{ ...contact, tags: [...new Set([...contact.tags, ...batchTags])] }] : [],
        );
        const outcome = await writeChunk(
          deps.pool,
          {
            tenantId: input.tenantId,
            importId: input.importId,
            start,
            end,
            contacts,
            rejected: slice.length - contacts.length,
            onExisting: row.onExisting === 'skip' ? 'skip' : 'update',
            groupId: row.groupId,
          },
          report,
        );
        if (outcome === 'stopped') {
          return { status: 'cancelled' };
        }
        Context.current().heartbeat({ processedRows: end });
      }
      return { status: 'completed' };
    },

    /** The import's last word: completed or failed, unless it was cancelled meanwhile. */
    async finishContactImport(
      input: ContactImportInput & { status: 'completed' | 'failed'; error: string | null },
    ): Promise<void> {
      const db = createTenantDb(deps.prisma, input.tenantId);
      await db.contactImport.updateMany({
        where: { id: input.importId, status: 'importing' },
        data: { status: input.status, error: input.error?.slice(0, 1000) ?? null, completedAt: new Date() },
      });
    },
  };
}

/** Reports each written contact as contact events, when the tenant wants any of them. */
async function contactEventsWanted(deps: ActivityDeps, tenantId: string) {
  const wanted = await eventInterest(deps.pool, tenantId);
  if (!CONTACT_EVENTS.some((type) => wanted.has(type))) {
    return undefined;
  }
  return (written: WrittenContact[]) => {
    for (const contact of written) {
      if (contact.inserted) {
        emitContactCreated(deps, tenantId, contact);
      } else if (contact.before) {
        emitContactChanges(deps, tenantId, contact.before, contact);
      }
    }
  };
}

const CONTACT_EVENTS = ['contact.created', 'contact.updated', 'contact.tag_added'];

export type ContactImportActivities = ReturnType<typeof createContactImportActivities>;

/** The rejected rows as they were in the file, with an `error` column saying what to fix. */
function rejectedRowsCsv(headers: string[], rows: string[][], errors: RowError[]): Buffer {
  const byRow = new Map<number, string[]>();
  for (const error of errors) {
    const messages = byRow.get(error.row) ?? [];
    messages.push(error.column ? `${error.column}: ${error.message}` : error.message);
    byRow.set(error.row, messages);
  }
  // The rows as they were uploaded, but a cell a spreadsheet would run as a formula (a list from a
  // third party may hold "=HYPERLINK(...)") is written as text.
  const records = [...byRow].map(([row, messages]) => [...rows[row - 2]!, messages.join('; ')].map(formulaSafe));
  return Buffer.from(
    stringify([[...headers, 'error'].map(formulaSafe), ...records], { record_delimiter: '\r\n' }),
    'utf8',
  );
}
