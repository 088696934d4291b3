// The conversation list as a CSV file: a selection (ids) or everything a filter matches, in the
// list's order. Fields are quoted per RFC 4180, and a cell that a spreadsheet would run as a
// formula (= + - @, tab, carriage return) is prefixed with ' so opening the file never executes
// what a customer typed.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { findConversationRefs } from './conversation-access.ts';
import type { ConversationRow } from './conversation-row.ts';
import type { ListCursor } from './list-cursor.ts';
import { selectConversations } from './list-conversations.ts';
import {
  conversationFilterSchema,
  EXPORT_COLUMNS,
  type ConversationFilter,
  type ExportConversationsInput,
} from './schemas.ts';

/** Rows in one export; a bigger inbox is exported filter by filter (e.g. by date range). */
export const MAX_EXPORT_ROWS = 50_000;
const BATCH = 1000;

export type CsvFile = { filename: string; content: string };

export async function exportConversations(input: ExportConversationsInput, ctx: TenantContext): Promise<CsvFile> {
  const filter = input.ids ? conversationFilterSchema.parse({}) : parseFilter(input.filter ?? {});
  if (input.ids) {
    await findConversationRefs(ctx, input.ids);
  }
  const now = new Date();
  const lines = [EXPORT_COLUMNS.join(',')];
  let cursor: ListCursor | null = null;
  let exported = 0;
  while (exported < MAX_EXPORT_ROWS) {
    const rows = await selectConversations(ctx, filter, {
      now,
      cursor,
      limit: BATCH,
      ...(input.ids ? { ids: input.ids } : {}),
    });
    for (const row of rows) {
      lines.push(csvLine(row).join(','));
      exported += 1;
    }
    const last = rows.at(-1);
    if (rows.length < BATCH || !last) {
      break;
    }
    cursor = { s: 'last_activity', k: last.lastMessageAt.toISOString(), id: last.id };
  }
  return { filename: `conversations-${now.toISOString().slice(0, 10)}.csv`, content: `${lines.join('\r\n')}\r\n` };
}

function parseFilter(filter: Record<string, string>): ConversationFilter {
  // Always in last-activity order: the export pages through its own cursor.
  const parsed = conversationFilterSchema.strict().safeParse({ ...filter, sort: 'last_activity' });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path.join('.');
    const message = issue.code === 'unrecognized_keys' ? 'is not a filter' : issue.message;
    throw AppError.field(`filter.${field}`, message);
  }
  return parsed.data;
}

function csvLine(row: ConversationRow): string[] {
  const effective = row.status;
  const cells: Record<(typeof EXPORT_COLUMNS)[number], string | number | Date | null> = {
    id: row.id,
    contact_name: row.contactName || row.profileName || '',
    contact_phone: row.phone,
    channel: row.channelName,
    status: effective,
    priority: row.priority,
    assignee: row.assigneeName,
    team: row.teamName,
    tags: (row.tags ?? []).map((t) => t.name).join('; '),
    unread_count: row.unreadCount,
    last_message_at: row.lastMessageAt,
    last_message: row.lastText,
    waiting_since: row.waitingSince,
    snoozed_until: effective === 'snoozed' ? row.snoozedUntil : null,
    created_at: row.createdAt,
  };
  return EXPORT_COLUMNS.map((column) => csvCell(cells[column]));
}

export function csvCell(value: string | number | Date | null): string {
  if (value === null) {
    return '';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  const text = formulaSafe(value instanceof Date ? value.toISOString() : value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell a spreadsheet would run as a formula, prefixed with ' so it shows as text instead. */
export function formulaSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The inverse, for files coming back (imports): one ' before a formula character is dropped. */
export function formulaUnescaped(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
