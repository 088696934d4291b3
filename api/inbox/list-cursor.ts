// The list's opaque cursor: the sort key and id of the last row of a page, so the next page starts
// right after it (keyset pagination: no OFFSET, no duplicates or gaps while rows change).
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { ConversationFilter } from './schemas.ts';

const cursorSchema = z.object({
  /** The sort this cursor was made for: a cursor of another sort is refused. */
  s: z.enum(['last_activity', 'waiting']),
  /** The sort key as ISO time; null means "not waiting" (sorts last in the waiting sort). */
  k: z.iso.datetime().nullable(),
  id: z.uuid(),
});
export type ListCursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string, sort: ConversationFilter['sort']): ListCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success || (result.data.s === 'last_activity' && result.data.k === null)) {
    throw AppError.field('cursor', 'is not a cursor returned by this list');
  }
  if (result.data.s !== sort) {
    throw AppError.field('cursor', `was made for sort=${result.data.s}: start again without a cursor`);
  }
  return result.data;
}
