// One conversation for the inbox's conversation view: the list item plus the contact panel
// (a few custom fields, the contact's tags), pinned notes and the bot's live session.
import { Prisma } from '#db/client';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { getBotSession } from './bot-session.ts';
import { decoratedSql, toListItem, type ConversationRow } from './conversation-row.ts';
import { conversationScope, scopeSql } from './conversation-scope.ts';
import { noteSelect, toNotes } from './note-view.ts';
import { MAX_VISIBLE_CONTACT_FIELDS, type ConversationDetail, type ConversationListItem } from './schemas.ts';

export async function getConversationDetail(conversationId: string, ctx: TenantContext): Promise<ConversationDetail> {
  const row = await loadConversationRow(conversationId, ctx);
  const [settings, agentFields, pinned, bot] = await Promise.all([
    ctx.db.settings.findUnique({ where: { tenantId: ctx.db.tenantId }, select: { inboxContactFields: true } }),
    ctx.db.customField.findMany({
      where: { agentVisible: true },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      select: { key: true, label: true },
    }),
    ctx.db.conversationNote.findMany({
      where: { conversationId, pinnedAt: { not: null } },
      orderBy: { pinnedAt: 'desc' },
      take: 20,
      select: noteSelect,
    }),
    getBotSession(ctx, row),
  ]);
  const item = toListItem(row);
  return {
    ...item,
    contact: {
      ...item.contact,
      tags: row.contactTags,
      lastSeenAt: row.lastSeenAt,
      createdAt: row.contactCreatedAt,
      fields:
        agentFields.length > 0
          ? agentVisibleFields(row.contactFields, agentFields)
          : visibleFields(row.contactFields, settings?.inboxContactFields ?? []),
    },
    assignedAt: row.assignedAt,
    resolvedAt: item.status === 'resolved' ? row.closedAt : null,
    pinnedNotes: await toNotes(ctx.db, pinned),
    bot,
  };
}

/** The list item of one conversation the caller may see (what actions answer with). */
export async function getConversationItem(conversationId: string, ctx: TenantContext): Promise<ConversationListItem> {
  return toListItem(await loadConversationRow(conversationId, ctx));
}

/** One decorated conversation, or 404 when it is not in the workspace or not in the caller's scope. */
export async function loadConversationRow(conversationId: string, ctx: TenantContext): Promise<ConversationRow> {
  const now = new Date();
  const source = Prisma.sql`(
    SELECT cv.* FROM "Conversation" cv
    WHERE cv."tenantId" = ${ctx.db.tenantId}::uuid AND cv.id = ${conversationId}::uuid
      AND ${scopeSql(conversationScope(ctx.principal))}
  )`;
  const [row] = await ctx.db.transaction((tx) =>
    tx.$queryRaw<ConversationRow[]>(decoratedSql(source, Prisma.sql`cv.id`, now)),
  );
  if (!row) {
    throw AppError.notFound('Conversation');
  }
  return row;
}

/** The custom fields marked agent-visible (Settings → Custom fields), with or without a value. */
function agentVisibleFields(fields: unknown, chosen: Array<{ key: string; label: string }>) {
  const values =
    fields && typeof fields === 'object' && !Array.isArray(fields) ? (fields as Record<string, unknown>) : {};
  const visible = chosen.slice(0, MAX_VISIBLE_CONTACT_FIELDS);
  const shown = new Set(visible.map((field) => field.key));
  return {
    visible: visible.map(({ key, label }) => ({ key, label, value: values[key] ?? null })),
    hiddenCount: Object.keys(values).filter((key) => !shown.has(key)).length,
  };
}

/** The workspace's chosen keys that the contact has, else its first keys alphabetically. */
function visibleFields(fields: unknown, chosen: string[]) {
  const values =
    fields && typeof fields === 'object' && !Array.isArray(fields) ? (fields as Record<string, unknown>) : {};
  const keys = Object.keys(values);
  const visible = (chosen.length > 0 ? chosen.filter((key) => key in values) : keys.sort()).slice(
    0,
    MAX_VISIBLE_CONTACT_FIELDS,
  );
  return { visible: visible.map((key) => ({ key, value: values[key] })), hiddenCount: keys.length - visible.length };
}
