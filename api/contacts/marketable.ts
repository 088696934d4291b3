// The marketing rule: marketing messages (campaigns, marketing templates) go only to contacts who
// opted in. Service messages inside the 24-hour window do not need it.
import type { Prisma } from '#db/client';

export function isMarketable(contact: { optInStatus: string }): boolean {
  return contact.optInStatus === 'opted_in';
}

/** The same rule as a Prisma filter on Contact. */
export const marketableWhere = { optInStatus: 'opted_in' } satisfies Prisma.ContactWhereInput;
