// The conversation list: filters, search, two sorts and keyset pagination in one statement. The
// page's ids are found first (on the (tenant, sort key, id) indexes, up to limit + 1 rows), then
// only those are decorated, so the cost follows the page size, not the size of the inbox.
import { Prisma } from '#db/client';
import { inPgTransaction } from '#db/pg-transaction';
import type { TenantContext } from '../context.ts';
import type pg from 'pg';
import { conversationFilterSql, SEARCH_HITS_CAP, searchCountSql, searchHitsSql } from './conversation-filter-sql.ts';
import { decoratedSql, toListItem, type ConversationRow } from './conversation-row.ts';
import { callerUserId, conversationScope } from './conversation-scope.ts';
import { decodeCursor, encodeCursor, type ListCursor } from './list-cursor.ts';
import type { ConversationFilter, ConversationPage, ListConversationsQuery } from './schemas.ts';

export async function listConversations(query: ListConversationsQuery, ctx: TenantContext): Promise<ConversationPage> {
  const now = new Date();
  const cursor = query.cursor ? decodeCursor(query.cursor, query.sort) : null;
  const rows = await selectConversations(ctx, query, { now, cursor, limit: query.limit + 1 });
  const hasMore = rows.length > query.limit;
  const items = hasMore ? rows.slice(0, query.limit) : rows;
  const last = items.at(-1);
  return {
    items: items.map((row) => toListItem(row, now.getTime())),
    nextCursor: hasMore && last ? encodeCursor(cursorAfter(last, query.sort)) : null,
  };
}

/** Filtered conversations in the filter's sort order, decorated (the list and the export). */
export async function selectConversations(
  ctx: TenantContext,
  filter: ConversationFilter,
  page: { now: Date; cursor: ListCursor | null; limit: number; ids?: readonly string[] },
): Promise<ConversationRow[]> {
  return withSystemConnection(ctx.services.pool, async (client) => {
    const searchMode = filter.search ? await searchModeOf(client, filter.search, ctx.db.tenantId) : undefined;
    const sql = pageSql(ctx, filter, page, searchMode);
    return (await client.query<ConversationRow>({ text: sql.text, values: sql.values })).rows;
  });
}

function pageSql(
  ctx: TenantContext,
  filter: ConversationFilter,
  page: { now: Date; cursor: ListCursor | null; limit: number; ids?: readonly string[] },
  searchMode: 'hits' | 'probe' | undefined,
): Prisma.Sql {
  const filtered = conversationFilterSql(filter, {
    tenantId: ctx.db.tenantId,
    scope: conversationScope(ctx.principal),
    userId: callerUserId(ctx),
    now: page.now,
    ...(searchMode ? { searchMode } : {}),
  });
  const where = page.ids ? Prisma.sql`${filtered} AND cv.id = ANY(${[...page.ids]}::uuid[])` : filtered;
  const from = Prisma.sql`"Conversation" cv`;
  const order = orderSql(filter.sort);
  const ids =
    filter.sort === 'waiting'
      ? waitingPageSql(from, where, page.cursor, page.limit)
      : Prisma.sql`(
          SELECT cv.* FROM ${from}
          WHERE ${where} ${page.cursor ? Prisma.sql`AND (cv."lastMessageAt", cv.id) < (${page.cursor.k}::timestamp(3), ${page.cursor.id}::uuid)` : Prisma.empty}
          ORDER BY ${order} LIMIT ${page.limit}
        )`;
  const hits =
    filter.search && searchMode === 'hits'
      ? Prisma.sql`WITH ${searchHitsSql(filter.search, ctx.db.tenantId)}`
      : Prisma.empty;
  return Prisma.sql`${hits} ${decoratedSql(ids, order, page.now)}`;
}

async function searchModeOf(client: pg.PoolClient, search: string, tenantId: string): Promise<'hits' | 'probe'> {
  const sql = searchCountSql(search, tenantId);
  const { rows } = await client.query<{ n: number }>({ text: sql.text, values: sql.values });
  return (rows[0]?.n ?? 0) > SEARCH_HITS_CAP ? 'probe' : 'hits';
}

// The list runs on the system connection, like ingestion (docs/security.md): under row-level
// security PostgreSQL may not use the full-text and array GIN indexes (their operators are not
// leakproof), and a search then reads every message of the workspace. Every table of the statement
// is filtered by the caller's tenant explicitly (conversation-filter-sql.ts, conversation-row.ts).
// JIT is off for it: its huge cost estimates for prefix searches made PostgreSQL spend a second
// compiling a query that runs in milliseconds.
function withSystemConnection<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return inPgTransaction(
    pool,
    async (client) => {
      await client.query('SET LOCAL jit = off');
      return fn(client);
    },
    'BEGIN READ ONLY',
  );
}

function orderSql(sort: ConversationFilter['sort']): Prisma.Sql {
  return sort === 'waiting'
    ? Prisma.sql`cv."waitingSince" ASC NULLS LAST, cv.id ASC`
    : Prisma.sql`cv."lastMessageAt" DESC, cv.id DESC`;
}

// Waiting sort: the longest-waiting customer first, then the conversations nobody waits on. Two
// keyset scans of the (tenantId, waitingSince, id) index, one per side of NULL, since a row
// comparison never matches NULL: the waiting ones after the cursor, then the others by id.
function waitingPageSql(from: Prisma.Sql, where: Prisma.Sql, cursor: ListCursor | null, limit: number): Prisma.Sql {
  const waiting = Prisma.sql`(
    SELECT cv.* FROM ${from}
    WHERE ${where} AND cv."waitingSince" IS NOT NULL
      ${cursor?.k ? Prisma.sql`AND (cv."waitingSince", cv.id) > (${cursor.k}::timestamp(3), ${cursor.id}::uuid)` : Prisma.empty}
    ORDER BY cv."waitingSince", cv.id LIMIT ${limit}
  )`;
  const idle = Prisma.sql`(
    SELECT cv.* FROM ${from}
    WHERE ${where} AND cv."waitingSince" IS NULL
      ${cursor && !cursor.k ? Prisma.sql`AND cv.id > ${cursor.id}::uuid` : Prisma.empty}
    ORDER BY cv.id LIMIT ${limit}
  )`;
  const both = cursor && !cursor.k ? idle : Prisma.sql`${waiting} UNION ALL ${idle}`;
  return Prisma.sql`(SELECT cv.* FROM (${both}) cv ORDER BY ${orderSql('waiting')} LIMIT ${limit})`;
}

function cursorAfter(row: ConversationRow, sort: ConversationFilter['sort']): ListCursor {
  return sort === 'waiting'
    ? { s: sort, k: row.waitingSince?.toISOString() ?? null, id: row.id }
    : { s: sort, k: row.lastMessageAt.toISOString(), id: row.id };
}
