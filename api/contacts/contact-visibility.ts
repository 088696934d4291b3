// Which contacts a caller may see and message, from the contact groups' roles (docs/contacts.md).
//
// A group with roleIds is restricted to those roles, and so is everything nested in it (a subgroup
// can narrow its parent's roles, never widen them). A contact is hidden from a role when ANY group
// it belongs to is restricted and does not admit that role: restricting a group is a privacy
// control, so being also in an open group does not expose the contact. Contacts in no group, or
// only in open groups, are seen by every role with contacts.view. Owners and admins (holding
// contacts.manage and roles.manage) see everything.
//
// Other domains (segments, campaigns, exports) apply the same rule with contactVisibility() and
// then contactVisibilitySql() in raw SQL or contactVisibilityWhere() in Prisma queries.
import { Prisma } from '#db/client';
import type { Principal, TenantContext } from '../context.ts';

export type ContactVisibility = { all: true } | { all: false; hiddenGroupIds: string[] };

type GroupNode = { id: string; parentId: string | null; roleIds: string[] };

/** True for callers who see every contact whatever the groups say. */
export function seesAllContacts(principal: Principal): boolean {
  return principal.permissions.has('contacts.manage') && principal.permissions.has('roles.manage');
}

/** The caller's visibility: everything, or everything but the members of these groups. */
export async function contactVisibility(ctx: TenantContext): Promise<ContactVisibility> {
  if (seesAllContacts(ctx.principal)) {
    return { all: true };
  }
  const groups = await ctx.db.contactGroup.findMany({ select: { id: true, parentId: true, roleIds: true } });
  return { all: false, hiddenGroupIds: hiddenGroupIds(groups, ctx.principal.roleId) };
}

/** Groups a role may not see: restricted without it, or nested in such a group. */
export function hiddenGroupIds(groups: GroupNode[], roleId: string): string[] {
  const byId = new Map(groups.map((group) => [group.id, group]));
  const hidden: string[] = [];
  for (const group of groups) {
    let current: GroupNode | undefined = group;
    const seen = new Set<string>();
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      if (current.roleIds.length > 0 && !current.roleIds.includes(roleId)) {
        hidden.push(group.id);
        break;
      }
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
  }
  return hidden;
}

/**
 * A SQL condition that is true for contacts the caller may see. `contactId` is the column holding
 * the contact's id in the caller's query, e.g. Prisma.sql`c."id"`.
 */
export function contactVisibilitySql(visibility: ContactVisibility, contactId: Prisma.Sql): Prisma.Sql {
  if (visibility.all || visibility.hiddenGroupIds.length === 0) {
    return Prisma.sql`TRUE`;
  }
  return Prisma.sql`NOT EXISTS (SELECT 1 FROM "ContactGroupMember" gm
    WHERE gm."contactId" = ${contactId} AND gm."groupId" = ANY(${visibility.hiddenGroupIds}::uuid[]))`;
}

/** The same rule as a Prisma filter on Contact. */
export function contactVisibilityWhere(visibility: ContactVisibility): Prisma.ContactWhereInput {
  if (visibility.all || visibility.hiddenGroupIds.length === 0) {
    return {};
  }
  return { groups: { none: { groupId: { in: visibility.hiddenGroupIds } } } };
}

/** Whether a group (and so its members' membership) is visible to the caller. */
export function isGroupVisible(visibility: ContactVisibility, groupId: string): boolean {
  return visibility.all || !visibility.hiddenGroupIds.includes(groupId);
}
