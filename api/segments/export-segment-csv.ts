// A saved segment's members as a CSV file, evaluated now: the contact's own columns, engagement,
// tags and one column per custom field (fields.<key>). Cells go through the inbox export's csvCell,
// so a value a spreadsheet would run as a formula is prefixed with ' and never executed.
import type { TenantContext } from '../context.ts';
import { csvCell } from '../inbox/export-csv.ts';
import { callerWhere } from './evaluate-segment.ts';
import { findSegmentRow, segmentCondition } from './manage-segments.ts';
import { loadSegmentContext, selectSegmentContacts, type SegmentContactRow } from './segment-query.ts';

/** Rows in one export; a bigger segment is split by a narrower condition. */
export const MAX_SEGMENT_EXPORT_ROWS = 200_000;
const BATCH = 2000;

const COLUMNS: Array<[string, (row: SegmentContactRow) => string | number | Date | null]> = [
  ['phone', (r) => r.phone],
  ['name', (r) => r.name],
  ['profile_name', (r) => r.profileName],
  ['email', (r) => r.email],
  ['language', (r) => r.language],
  ['time_zone', (r) => r.timeZone],
  ['opt_in_status', (r) => r.optInStatus],
  ['opt_in_source', (r) => r.optInSource],
  ['opt_in_at', (r) => r.optInAt],
  ['tags', (r) => r.tags.join('; ')],
  ['created_at', (r) => r.createdAt],
  ['last_seen_at', (r) => r.lastSeenAt],
  ['last_inbound_at', (r) => r.lastInboundAt],
  ['last_outbound_at', (r) => r.lastOutboundAt],
  ['messages_received', (r) => r.messagesReceivedCount],
  ['messages_sent', (r) => r.messagesSentCount],
  ['campaigns_received', (r) => r.campaignsReceivedCount],
  ['flows_completed', (r) => r.flowsCompletedCount],
];

export async function exportSegmentCsv(
  id: string,
  ctx: TenantContext,
): Promise<{ filename: string; content: AsyncIterable<string> }> {
  const row = await findSegmentRow(id, ctx);
  const tree = segmentCondition(row);
  const sqlContext = await loadSegmentContext(ctx.db, tree);
  const where = await callerWhere(tree, ctx, sqlContext.now);
  const keys = [...sqlContext.customFields.keys()].sort();
  const slug =
    row.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'segment';
  return {
    filename: `segment-${slug}-${sqlContext.now.toISOString().slice(0, 10)}.csv`,
    content: lines(ctx, where, keys),
  };
}

async function* lines(
  ctx: TenantContext,
  where: Parameters<typeof selectSegmentContacts>[1],
  keys: string[],
): AsyncGenerator<string> {
  yield `${[...COLUMNS.map(([name]) => name), ...keys.map((key) => `fields.${key}`)].map(csvCell).join(',')}\r\n`;
  let cursor: string | undefined;
  let exported = 0;
  while (exported < MAX_SEGMENT_EXPORT_ROWS) {
    const rows = await selectSegmentContacts(ctx.db, where, { limit: BATCH, cursor });
    if (rows.length > 0) {
      yield rows
        .map(
          (r) =>
            `${[...COLUMNS.map(([, cell]) => cell(r)), ...keys.map((k) => fieldCell(r.fields[k]))].map(csvCell).join(',')}\r\n`,
        )
        .join('');
    }
    exported += rows.length;
    if (rows.length < BATCH) {
      return;
    }
    cursor = rows.at(-1)!.id;
  }
}

function fieldCell(value: unknown): string | number | null {
  if (value === undefined || value === null) {
    return null;
  }
  if (Array.isArray(value)) {
    return value.map(String).join('; ');
  }
  return typeof value === 'number' ? value : String(value);
}
