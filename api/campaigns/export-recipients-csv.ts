// A run's recipients as CSV, streamed a page at a time so 100,000 rows never sit in memory. Cells
// go through the inbox export's csvCell: quoted per RFC 4180 and formula-safe (a contact named
// "=HYPERLINK(…)" is written as '=HYPERLINK(…)).
import type { TenantContext } from '../context.ts';
import { csvCell } from '../inbox/export-csv.ts';
import { resolveRunId, selectRecipients, type RecipientFilter, type RecipientRow } from './list-recipients.ts';
import { RECIPIENT_REASONS } from './schemas.ts';

// Large pages: each is one statement over the run, so fewer pages is faster for big runs.
const BATCH = 10_000;

export const RECIPIENT_EXPORT_COLUMNS = [
  'contact_id',
  'phone',
  'name',
  'variant',
  'status',
  'message_status',
  'reason',
  'reason_text',
  'error_code',
  'sent_at',
  'replied_at',
] as const;

export async function exportRecipientsCsv(
  campaignId: string,
  filter: RecipientFilter,
  ctx: TenantContext,
): Promise<{ filename: string; content: AsyncIterable<string> }> {
  const runId = await resolveRunId(campaignId, filter.runId, ctx);
  async function* lines(): AsyncIterable<string> {
    yield `${RECIPIENT_EXPORT_COLUMNS.join(',')}\r\n`;
    let after: string | null = null;
    while (runId) {
      const rows: RecipientRow[] = await selectRecipients(runId, filter, { limit: BATCH, after }, ctx);
      if (rows.length > 0) {
        yield rows.map((row) => `${csvLine(row).join(',')}\r\n`).join('');
      }
      if (rows.length < BATCH) {
        return;
      }
      after = rows.at(-1)!.id;
    }
  }
  return { filename: `campaign-${campaignId.slice(0, 8)}-recipients.csv`, content: lines() };
}

function csvLine(row: RecipientRow): string[] {
  const reasonText = row.reason ? (RECIPIENT_REASONS[row.reason as keyof typeof RECIPIENT_REASONS] ?? null) : null;
  return [
    row.contactId,
    row.phone,
    row.name,
    row.variantLabel,
    row.status,
    row.messageStatus,
    row.reason,
    reasonText,
    row.errorCode,
    row.sentAt,
    row.repliedAt,
  ].map((cell) => csvCell(cell));
}
