// One chunk of an import in one transaction, in plain SQL on the system connection (every
// statement names the tenant): the import's row is locked first, and the chunk is written only if
// the import is still running and its progress stands exactly at the chunk's first row. So a
// retried or duplicated activity never writes or counts a chunk twice, and a cancel (which waits
// for the lock) takes effect before the next chunk.
import type pg from 'pg';
import type { ImportedContact } from '#api/contact-imports/row-validator';
import type { ContactSnapshot } from '#api/events/contact-events';

export type Chunk = {
  tenantId: string;
  importId: string;
  /** Rows [start, end) of the file. */
  start: number;
  end: number;
  contacts: ImportedContact[];
  rejected: number;
  onExisting: 'update' | 'skip';
  groupId: string | null;
};

/** written: applied now; done: an earlier attempt applied it; stopped: the import is no longer running. */
export type ChunkOutcome = 'written' | 'done' | 'stopped';

const COLUMNS = `"waId" text, phone text, name text, email text, language text, "timeZone" text,
  "optInStatus" text, fields jsonb, tags text[]`;

const INSERT = `INSERT INTO "Contact" AS c (id, "tenantId", "waId", phone, name, email, language, "timeZone",
    "optInStatus", "optInSource", "optInAt", fields, tags, "updatedAt")
  SELECT gen_random_uuid(), $1::uuid, s."waId", s.phone, s.name, s.email, s.language, s."timeZone",
    COALESCE(s."optInStatus", 'unknown'),
    CASE WHEN s."optInStatus" IS NOT NULL THEN 'import' END,
    CASE WHEN s."optInStatus" IS NOT NULL THEN now() END,
    s.fields, s.tags, now()
  FROM jsonb_to_recordset($2::jsonb) AS s(${COLUMNS})`;

// An empty cell keeps the contact's value; tags and custom fields are merged, not replaced.
const UPSERT = `${INSERT}
  ON CONFLICT ("tenantId", "waId") DO UPDATE SET
    name = COALESCE(EXCLUDED.name, c.name),
    email = COALESCE(EXCLUDED.email, c.email),
    language = COALESCE(EXCLUDED.language, c.language),
    "timeZone" = COALESCE(EXCLUDED."timeZone", c."timeZone"),
    "optInStatus" = CASE WHEN EXCLUDED."optInSource" IS NULL THEN c."optInStatus" ELSE EXCLUDED."optInStatus" END,
    "optInSource" = CASE WHEN EXCLUDED."optInSource" IS NULL OR EXCLUDED."optInStatus" = c."optInStatus"
      THEN c."optInSource" ELSE EXCLUDED."optInSource" END,
    "optInAt" = CASE WHEN EXCLUDED."optInSource" IS NULL OR EXCLUDED."optInStatus" = c."optInStatus"
      THEN c."optInAt" ELSE now() END,
    fields = c.fields || EXCLUDED.fields,
    tags = ARRAY(SELECT t FROM unnest(c.tags || EXCLUDED.tags) WITH ORDINALITY AS x(t, n) GROUP BY t ORDER BY min(n)),
    "updatedAt" = now()
  RETURNING c.id, (c.xmax = 0) AS inserted`;

const INSERT_NEW = `${INSERT}
  ON CONFLICT ("tenantId", "waId") DO NOTHING
  RETURNING c.id, true AS inserted`;

/** A contact a chunk wrote, as it is now and (updated ones) as it was: for the contact events. */
export type WrittenContact = ContactSnapshot & { inserted: boolean; before: ContactSnapshot | null };

const REPORTED = `c.phone, c.name, c."profileName", c.email, c.language, c."timeZone", c."optInStatus", c.fields, c.tags`;

/** The same write, returning each contact before and after (read from the statement's snapshot). */
function reporting(write: string): string {
  return `WITH old AS (
      SELECT o.id, o.phone, o.name, o."profileName", o.email, o.language, o."timeZone", o."optInStatus", o.fields, o.tags
      FROM "Contact" o WHERE o."tenantId" = $1::uuid
        AND o."waId" IN (SELECT s."waId" FROM jsonb_to_recordset($2::jsonb) AS s("waId" text))
    ), up AS (${write}, ${REPORTED})
    SELECT up.*, to_jsonb(old) AS before FROM up LEFT JOIN old ON old.id = up.id`;
}

/**
 * Writes the chunk; `onCommitted`, when given, gets the contacts written once the transaction has
 * committed (the import asks only while someone wants contact events: the rows cost a read).
 */
export async function writeChunk(
  pool: pg.Pool,
  chunk: Chunk,
  onCommitted?: (written: WrittenContact[]) => void,
): Promise<ChunkOutcome> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ processedRows: number; status: string }>(
      `SELECT "processedRows", status FROM "ContactImport" WHERE id = $1 AND "tenantId" = $2 FOR UPDATE`,
      [chunk.importId, chunk.tenantId],
    );
    const state = rows[0];
    const outcome: ChunkOutcome | null =
      !state || state.status !== 'importing' ? 'stopped' : state.processedRows >= chunk.end ? 'done' : null;
    if (outcome) {
      await client.query('ROLLBACK');
      return outcome;
    }
    if (state!.processedRows !== chunk.start) {
      throw new Error(`The import stands at row ${state!.processedRows}, not at this chunk's ${chunk.start}`);
    }
    const written = chunk.contacts.length
      ? (
          await client.query<WrittenContact>(
            onCommitted
              ? reporting(chunk.onExisting === 'update' ? UPSERT : INSERT_NEW)
              : chunk.onExisting === 'update'
                ? UPSERT
                : INSERT_NEW,
            [chunk.tenantId, JSON.stringify(chunk.contacts)],
          )
        ).rows
      : [];
    if (chunk.groupId && written.length > 0) {
      await client.query(
        `INSERT INTO "ContactGroupMember" ("tenantId", "groupId", "contactId")
         SELECT $1, $2, id FROM unnest($3::uuid[]) AS id
         WHERE EXISTS (SELECT 1 FROM "ContactGroup" WHERE id = $2 AND "tenantId" = $1)
         ON CONFLICT DO NOTHING`,
        [chunk.tenantId, chunk.groupId, written.map((row) => row.id)],
      );
    }
    const created = written.filter((row) => row.inserted).length;
    await client.query(
      `UPDATE "ContactImport" SET "processedRows" = $3, "createdCount" = "createdCount" + $4,
         "updatedCount" = "updatedCount" + $5, "skippedCount" = "skippedCount" + $6,
         "rejectedCount" = "rejectedCount" + $7, "updatedAt" = now()
       WHERE id = $1 AND "tenantId" = $2`,
      [
        chunk.importId,
        chunk.tenantId,
        chunk.end,
        created,
        written.length - created,
        chunk.contacts.length - written.length,
        chunk.rejected,
      ],
    );
    await client.query('COMMIT');
    onCommitted?.(written);
    return 'written';
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
