// The inbox search box as a PostgreSQL tsquery. Words are split by PostgreSQL's own parser (the
// 'simple' configuration the search columns are built with), each matches by prefix and all must
// match: `ord 12` finds "order 1234". Text that looks like a phone number is one token of its
// digits, as the contact's number is indexed (WhatsApp id, digits only): `+1 (415) 555` finds
// 14155550123.
import { Prisma } from '#db/client';

const PHONE_LIKE = /^[+\d\s().-]+$/;

/** A SQL expression of type tsquery for `search` (NULL, matching nothing, when it holds no word). */
export function searchTsquery(search: string): Prisma.Sql {
  if (PHONE_LIKE.test(search)) {
    const digits = search.replace(/\D/g, '');
    if (digits.length > 0) {
      return Prisma.sql`to_tsquery('simple', ${`${digits}:*`})`;
    }
  }
  // Each lexeme quoted (so no word is read as a tsquery operator) and marked as a prefix.
  return Prisma.sql`(
    SELECT to_tsquery('simple', string_agg(quote_literal(lexeme) || ':*', ' & '))
    FROM unnest(to_tsvector('simple', ${search}))
  )`;
}
