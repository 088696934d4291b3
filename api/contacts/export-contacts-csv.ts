// The filtered contact list as CSV, streamed page by page so a large list never sits in memory.
// Cells go through the inbox export's csvCell: quoted per RFC 4180 and formula-safe (a cell
// starting with = + - @ is prefixed with ').
import type { TenantContext } from '../context.ts';
import { csvCell } from '../inbox/export-csv.ts';
import { loadFieldDefinitions } from './contact-fields.ts';
import { contactSelect, fieldsOf, type ContactRow } from './contact-view.ts';
import { contactVisibility } from './contact-visibility.ts';
import type { CustomFieldDefinition } from './custom-field-schemas.ts';
import { contactListWhere } from './list-contacts.ts';
import type { ContactFilter } from './schemas.ts';

const BATCH = 1000;

export const CONTACT_EXPORT_COLUMNS = [
  'id',
  'phone',
  'name',
  'whatsapp_name',
  'email',
  'language',
  'time_zone',
  'opt_in_status',
  'opt_in_source',
  'opt_in_at',
  'tags',
  'groups',
  'messages_sent',
  'messages_received',
  'last_inbound_at',
  'last_outbound_at',
  'campaigns_received',
  'flows_completed',
  'last_seen_at',
  'created_at',
] as const;

export async function exportContactsCsv(
  filter: ContactFilter,
  ctx: TenantContext,
): Promise<{ filename: string; content: AsyncIterable<string> }> {
  const visibility = await contactVisibility(ctx);
  const where = await contactListWhere(filter, visibility, ctx);
  const definitions = await loadFieldDefinitions(ctx.db);
  const header = [...CONTACT_EXPORT_COLUMNS, ...definitions.map((field) => `field:${field.key}`)];
  async function* lines(): AsyncIterable<string> {
    yield `${header.map((cell) => csvCell(cell)).join(',')}\r\n`;
    let cursor: string | null = null;
    for (;;) {
      const rows: ContactRow[] = await ctx.db.contact.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: BATCH,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select: contactSelect,
      });
      if (rows.length > 0) {
        yield rows.map((row) => `${csvLine(row, definitions).join(',')}\r\n`).join('');
      }
      if (rows.length < BATCH) {
        return;
      }
      cursor = rows.at(-1)!.id;
    }
  }
  return { filename: `contacts-${new Date().toISOString().slice(0, 10)}.csv`, content: lines() };
}

function csvLine(row: ContactRow, definitions: CustomFieldDefinition[]): string[] {
  const fields = fieldsOf(row.fields);
  const cells = [
    row.id,
    row.phone,
    row.name,
    row.profileName,
    row.email,
    row.language,
    row.timeZone,
    row.optInStatus,
    row.optInSource,
    row.optInAt,
    row.tags.join('; '),
    row.groups.map((member) => member.group.name).join('; '),
    row.messagesSentCount,
    row.messagesReceivedCount,
    row.lastInboundAt,
    row.lastOutboundAt,
    row.campaignsReceivedCount,
    row.flowsCompletedCount,
    row.lastSeenAt,
    row.createdAt,
  ];
  return [...cells, ...definitions.map((field) => fieldText(fields[field.key]))].map((cell) => csvCell(cell));
}

function fieldText(value: unknown): string | null {
  if (value === undefined || value === null) {
    return null;
  }
  if (Array.isArray(value)) {
    return value.join('; ');
  }
  return typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value as string | number);
}
