// Cursor pagination shared by every list endpoint: `?limit=&cursor=` in, `{ items, nextCursor }` out.
// The cursor is the id of the last row seen; lists order by (createdAt desc, id desc) unless they
// say otherwise.
import type { Page, PageQuery } from '../common/schemas.ts';

export { pageQuerySchema, type PageQuery } from '../common/schemas.ts';

/** Prisma findMany arguments for one page (one extra row tells whether another page exists). */
export function pageArgs(query: PageQuery) {
  return {
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }],
  };
}

export function toPage<T extends { id: string }, R>(rows: T[], query: PageQuery, map: (row: T) => R): Page<R> {
  const hasMore = rows.length > query.limit;
  const items = hasMore ? rows.slice(0, query.limit) : rows;
  const last = items.at(-1);
  return { items: items.map(map), nextCursor: hasMore && last ? last.id : null };
}
