// Schema building blocks shared by every domain and by the web app.
import { z } from 'zod';

/** A timestamp: ISO 8601 text on the wire, a Date in code (z.encode for responses, parse to read). */
export const dateTimeSchema = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/** Path parameters holding one resource id, e.g. idParamSchema('roleId'). */
export function idParamSchema<K extends string>(name: K) {
  return z.object({ [name]: z.uuid('is not a valid id') } as Record<K, z.ZodUUID>);
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export type Page<T> = { items: T[]; nextCursor: string | null };

export const MAX_PAGE_SIZE = 100;

/** `?limit=&cursor=` of every list; the cursor is the `nextCursor` of the previous page. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
  cursor: z.uuid('is not a cursor returned by this list').optional(),
});

export type PageQuery = z.infer<typeof pageQuerySchema>;
