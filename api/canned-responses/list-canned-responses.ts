// The composer's picker and the settings page: what the caller can see, filtered and sorted
// (most used first by default, so `/` lists the favourites).
import type { Prisma } from '#db/client';
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { cannedResponseSelect, memberNames, toCannedResponseView, visibleTo } from './canned-response-view.ts';
import type { CannedResponseView, ListCannedResponsesQuery } from './schemas.ts';

const ORDER: Record<ListCannedResponsesQuery['sort'], Prisma.CannedResponseOrderByWithRelationInput[]> = {
  most_used: [{ usageCount: 'desc' }, { shortcut: 'asc' }, { id: 'asc' }],
  shortcut: [{ shortcut: 'asc' }, { id: 'asc' }],
  recent: [{ updatedAt: 'desc' }, { id: 'asc' }],
};

export async function listCannedResponses(
  query: ListCannedResponsesQuery,
  ctx: TenantContext,
): Promise<Page<CannedResponseView>> {
  const filters: Prisma.CannedResponseWhereInput[] = [visibleTo(ctx)];
  if (query.scope) {
    filters.push({ scope: query.scope });
  }
  if (query.category) {
    filters.push({ category: { equals: query.category, mode: 'insensitive' } });
  }
  if (query.search) {
    const contains = { contains: query.search, mode: 'insensitive' as const };
    filters.push({ OR: [{ shortcut: contains }, { title: contains }, { body: contains }] });
  }
  const rows = await ctx.db.cannedResponse.findMany({
    where: { AND: filters },
    orderBy: ORDER[query.sort],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    select: cannedResponseSelect,
  });
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const names = await memberNames(ctx, page);
  return {
    items: page.map((row) => toCannedResponseView(ctx, row, names)),
    nextCursor: hasMore ? (page.at(-1)?.id ?? null) : null,
  };
}

/** Categories in use among the responses the caller can see, alphabetically. */
export async function listCannedCategories(ctx: TenantContext): Promise<{ items: string[] }> {
  const rows = await ctx.db.cannedResponse.findMany({
    where: { AND: [visibleTo(ctx), { category: { not: null } }] },
    distinct: ['category'],
    orderBy: { category: 'asc' },
    select: { category: true },
  });
  return { items: rows.map((row) => row.category).filter((c): c is string => c !== null) };
}
