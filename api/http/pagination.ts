// Cursor pagination shared by every list endpoint: `?limit=&cursor=` in, `{ items, nextCursor }` out.
// The cursor is the opaque id of the last row seen; lists order by (createdAt desc, id desc).
import { z } from 'zod';
import type { Page } from '../common/schemas.ts';

export const MAX_PAGE_SIZE = 100;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
  cursor: z
    .string()
    .max(200)
    .refine((c) => UUID_PATTERN.test(decodeCursor(c)), 'is not a cursor returned by this list')
    .optional(),
});

export type PageQuery = z.infer<typeof pageQuerySchema>;

/** Prisma findMany arguments for one page (one extra row tells whether another page exists). */
export function pageArgs(query: PageQuery) {
  return {
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: decodeCursor(query.cursor) }, skip: 1 } : {}),
    orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }],
  };
}

export function toPage<T extends { id: string }, R>(rows: T[], query: PageQuery, map: (row: T) => R): Page<R> {
  const hasMore = rows.length > query.limit;
  const items = hasMore ? rows.slice(0, query.limit) : rows;
  const last = items.at(-1);
  return { items: items.map(map), nextCursor: hasMore && last ? encodeCursor(last.id) : null };
}

function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString('utf8');
}
