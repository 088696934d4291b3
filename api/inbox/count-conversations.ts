// The inbox's tab badges in one pass over the caller's conversations: how many per status (a
// snooze whose time has come counts as open), and of the open ones how many are mine, unassigned
// or anyone's, and how many of those have unread customer messages.
import { Prisma } from '#db/client';
import type { TenantContext } from '../context.ts';
import { effectiveStatusSql } from './conversation-filter-sql.ts';
import { callerUserId, conversationScope, scopeSql } from './conversation-scope.ts';
import type { InboxCounts } from './schemas.ts';

export type CountsQuery = { channelId?: string[] | undefined; teamId?: string | undefined };

type CountsRow = Record<
  | 'open'
  | 'pending'
  | 'snoozed'
  | 'resolved'
  | 'openMine'
  | 'openUnassigned'
  | 'unreadMine'
  | 'unreadUnassigned'
  | 'unreadAll',
  bigint
>;

export async function countConversations(query: CountsQuery, ctx: TenantContext): Promise<InboxCounts> {
  const userId = callerUserId(ctx);
  const now = new Date().toISOString();
  const conditions = [Prisma.sql`cv."tenantId" = ${ctx.db.tenantId}::uuid`, scopeSql(conversationScope(ctx.principal))];
  if (query.channelId) {
    conditions.push(Prisma.sql`cv."channelId" = ANY(${query.channelId}::uuid[])`);
  }
  if (query.teamId) {
    conditions.push(
      query.teamId === 'none' ? Prisma.sql`cv."teamId" IS NULL` : Prisma.sql`cv."teamId" = ${query.teamId}::uuid`,
    );
  }
  const mine = userId ? Prisma.sql`x."assigneeUserId" = ${userId}::uuid` : Prisma.sql`FALSE`;
  const [row] = await ctx.db.transaction((tx) =>
    tx.$queryRaw<CountsRow[]>(Prisma.sql`
      SELECT
        count(*) FILTER (WHERE x.status = 'open') AS open,
        count(*) FILTER (WHERE x.status = 'pending') AS pending,
        count(*) FILTER (WHERE x.status = 'snoozed') AS snoozed,
        count(*) FILTER (WHERE x.status = 'resolved') AS resolved,
        count(*) FILTER (WHERE x.status = 'open' AND ${mine}) AS "openMine",
        count(*) FILTER (WHERE x.status = 'open' AND x."assigneeUserId" IS NULL) AS "openUnassigned",
        count(*) FILTER (WHERE x.status = 'open' AND x."unreadCount" > 0 AND ${mine}) AS "unreadMine",
        count(*) FILTER (WHERE x.status = 'open' AND x."unreadCount" > 0 AND x."assigneeUserId" IS NULL) AS "unreadUnassigned",
        count(*) FILTER (WHERE x.status = 'open' AND x."unreadCount" > 0) AS "unreadAll"
      FROM (
        SELECT ${effectiveStatusSql(now)} AS status, cv."assigneeUserId", cv."unreadCount"
        FROM "Conversation" cv WHERE ${Prisma.join(conditions, ' AND ')}
      ) x`),
  );
  const n = (key: keyof CountsRow) => Number(row?.[key] ?? 0);
  return {
    byStatus: { open: n('open'), pending: n('pending'), snoozed: n('snoozed'), resolved: n('resolved') },
    open: { mine: n('openMine'), unassigned: n('openUnassigned'), all: n('open') },
    unread: { mine: n('unreadMine'), unassigned: n('unreadUnassigned'), all: n('unreadAll') },
  };
}
