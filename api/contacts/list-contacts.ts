// The contact list: newest first, filtered by search, tag, group (with its subgroups) and opt-in
// status, limited to the contacts the caller's role may see, in cursor pages.
import type { Prisma } from '#db/client';
import type { TenantContext } from '../context.ts';
import { contactSelect, getVisibleContactRow, toContactView } from './contact-view.ts';
import { contactVisibility, contactVisibilityWhere, type ContactVisibility } from './contact-visibility.ts';
import type { ContactFilter, ContactPage, ContactView, ListContactsQuery } from './schemas.ts';

const ORDER: Prisma.ContactOrderByWithRelationInput[] = [{ createdAt: 'desc' }, { id: 'desc' }];

export async function listContacts(query: ListContactsQuery, ctx: TenantContext): Promise<ContactPage> {
  const visibility = await contactVisibility(ctx);
  const where = await contactListWhere(query, visibility, ctx);
  const [rows, total] = await Promise.all([
    ctx.db.contact.findMany({
      where,
      orderBy: ORDER,
      take: query.limit + 1,
      ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
      select: contactSelect,
    }),
    ctx.db.contact.count({ where }),
  ]);
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  return {
    items: page.map((row) => toContactView(row, visibility)),
    nextCursor: hasMore ? (page.at(-1)?.id ?? null) : null,
    total,
  };
}

export async function getContact(id: string, ctx: TenantContext): Promise<ContactView> {
  const { row, visibility } = await getVisibleContactRow(id, ctx);
  return toContactView(row, visibility);
}

/** The filters and the caller's visibility as one Prisma condition (the list and the CSV export). */
export async function contactListWhere(
  filter: ContactFilter,
  visibility: ContactVisibility,
  ctx: TenantContext,
): Promise<Prisma.ContactWhereInput> {
  const conditions: Prisma.ContactWhereInput[] = [contactVisibilityWhere(visibility)];
  if (filter.search) {
    const contains = { contains: filter.search, mode: 'insensitive' as const };
    const digits = filter.search.replace(/\D/g, '');
    conditions.push({
      OR: [
        { name: contains },
        { profileName: contains },
        { email: contains },
        { phone: contains },
        ...(digits.length >= 3 ? [{ waId: { contains: digits } }] : []),
      ],
    });
  }
  if (filter.tag) {
    conditions.push({ tags: { has: filter.tag } });
  }
  if (filter.optInStatus) {
    conditions.push({ optInStatus: filter.optInStatus });
  }
  if (filter.groupId) {
    conditions.push({ groups: { some: { groupId: { in: await groupAndDescendants(filter.groupId, ctx) } } } });
  }
  return { AND: conditions };
}

async function groupAndDescendants(groupId: string, ctx: TenantContext): Promise<string[]> {
  const groups = await ctx.db.contactGroup.findMany({ select: { id: true, parentId: true } });
  const ids = [groupId];
  for (let index = 0; index < ids.length; index += 1) {
    for (const group of groups) {
      if (group.parentId === ids[index] && !ids.includes(group.id)) {
        ids.push(group.id);
      }
    }
  }
  return ids;
}
