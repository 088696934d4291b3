// Contact groups (the phone book): a tree of named groups, each optionally restricted to some
// roles (contact-visibility.ts). A caller sees and changes only the groups their role may see.
import { isUniqueViolation } from '#db/errors';
import { audit } from '../audit/record-audit.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import {
  contactVisibility,
  contactVisibilityWhere,
  isGroupVisible,
  type ContactVisibility,
} from './contact-visibility.ts';
import type {
  ContactGroupView,
  CreateContactGroupInput,
  GroupMembersInput,
  UpdateContactGroupInput,
} from './schemas.ts';

const select = { id: true, parentId: true, name: true, roleIds: true, createdAt: true } as const;
type GroupRow = { id: string; parentId: string | null; name: string; roleIds: string[]; createdAt: Date };

export async function listContactGroups(ctx: TenantContext): Promise<{ items: ContactGroupView[] }> {
  const visibility = await contactVisibility(ctx);
  const [groups, counts] = await Promise.all([
    ctx.db.contactGroup.findMany({ orderBy: { name: 'asc' }, select }),
    ctx.db.contactGroupMember.groupBy({
      by: ['groupId'],
      where: { contact: contactVisibilityWhere(visibility) },
      _count: { _all: true },
    }),
  ]);
  const countOf = new Map(counts.map((row) => [row.groupId, row._count._all]));
  return {
    items: groups
      .filter((group) => isGroupVisible(visibility, group.id))
      .map((group) => ({ ...group, contactCount: countOf.get(group.id) ?? 0 })),
  };
}

export async function createContactGroup(
  input: CreateContactGroupInput,
  ctx: TenantContext,
): Promise<ContactGroupView> {
  const visibility = await contactVisibility(ctx);
  const parentId = input.parentId ?? null;
  if (parentId) {
    await findGroup(parentId, visibility, ctx, 'parentId');
  }
  await checkRoles(input.roleIds, ctx);
  await checkNameFree(input.name, parentId, null, ctx);
  const row = await ctx.db.contactGroup
    .create({ data: { tenantId: ctx.db.tenantId, name: input.name, parentId, roleIds: input.roleIds }, select })
    .catch((error: unknown) => {
      throw duplicateName(error);
    });
  return { ...row, contactCount: 0 };
}

export async function updateContactGroup(
  id: string,
  input: UpdateContactGroupInput,
  ctx: TenantContext,
): Promise<ContactGroupView> {
  const visibility = await contactVisibility(ctx);
  const current = await findGroup(id, visibility, ctx);
  const parentId = input.parentId === undefined ? current.parentId : input.parentId;
  if (input.parentId) {
    await findGroup(input.parentId, visibility, ctx, 'parentId');
    if (await isWithin(input.parentId, id, ctx)) {
      throw AppError.field('parentId', 'A group cannot be moved into itself or one of its subgroups');
    }
  }
  if (input.roleIds) {
    await checkRoles(input.roleIds, ctx);
  }
  await checkNameFree(input.name ?? current.name, parentId, id, ctx);
  const row = await ctx.db.contactGroup
    .update({
      where: { id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
        ...(input.roleIds !== undefined ? { roleIds: input.roleIds } : {}),
      },
      select,
    })
    .catch((error: unknown) => {
      throw duplicateName(error);
    });
  const contactCount = await ctx.db.contactGroupMember.count({ where: { groupId: id } });
  return { ...row, contactCount };
}

/** Deletes the group and its subgroups; their contacts stay (only the memberships go). */
export async function deleteContactGroup(id: string, ctx: TenantContext): Promise<void> {
  const group = await findGroup(id, await contactVisibility(ctx), ctx);
  await ctx.db.contactGroup.deleteMany({ where: { id } });
  await audit(ctx, {
    action: 'contactGroup.deleted',
    targetType: 'contactGroup',
    targetId: id,
    metadata: { name: group.name },
  });
}

export async function addGroupMembers(
  id: string,
  input: GroupMembersInput,
  ctx: TenantContext,
): Promise<{ updated: number }> {
  const visibility = await contactVisibility(ctx);
  await findGroup(id, visibility, ctx);
  const contacts = await ctx.db.contact.findMany({
    where: { AND: [{ id: { in: input.contactIds } }, contactVisibilityWhere(visibility)] },
    select: { id: true },
  });
  const found = new Set(contacts.map((contact) => contact.id));
  const missing = input.contactIds.findIndex((contactId) => !found.has(contactId));
  if (missing >= 0) {
    throw AppError.field(`contactIds.${missing}`, 'is not a contact of this workspace');
  }
  const created = await ctx.db.contactGroupMember.createMany({
    data: [...found].map((contactId) => ({ tenantId: ctx.db.tenantId, groupId: id, contactId })),
    skipDuplicates: true,
  });
  return { updated: created.count };
}

export async function removeGroupMembers(
  id: string,
  input: GroupMembersInput,
  ctx: TenantContext,
): Promise<{ updated: number }> {
  await findGroup(id, await contactVisibility(ctx), ctx);
  const removed = await ctx.db.contactGroupMember.deleteMany({
    where: { groupId: id, contactId: { in: input.contactIds } },
  });
  return { updated: removed.count };
}

async function findGroup(
  id: string,
  visibility: ContactVisibility,
  ctx: TenantContext,
  field?: string,
): Promise<GroupRow> {
  const row = await ctx.db.contactGroup.findFirst({ where: { id }, select });
  if (!row || !isGroupVisible(visibility, id)) {
    throw field ? AppError.field(field, 'is not a group of this workspace') : AppError.notFound('Contact group');
  }
  return row;
}

/** Whether `candidate` is `ancestor` or nested in it. */
async function isWithin(candidate: string, ancestor: string, ctx: TenantContext): Promise<boolean> {
  const groups = await ctx.db.contactGroup.findMany({ select: { id: true, parentId: true } });
  const parentOf = new Map(groups.map((group) => [group.id, group.parentId]));
  const seen = new Set<string>();
  for (
    let current: string | null | undefined = candidate;
    current && !seen.has(current);
    current = parentOf.get(current)
  ) {
    if (current === ancestor) {
      return true;
    }
    seen.add(current);
  }
  return false;
}

async function checkRoles(roleIds: string[], ctx: TenantContext): Promise<void> {
  if (roleIds.length === 0) {
    return;
  }
  const roles = await ctx.db.role.findMany({ where: { id: { in: roleIds } }, select: { id: true } });
  const known = new Set(roles.map((role) => role.id));
  const missing = roleIds.findIndex((roleId) => !known.has(roleId));
  if (missing >= 0) {
    throw AppError.field(`roleIds.${missing}`, 'is not a role of this workspace');
  }
}

/** Sibling names are unique (top-level ones too, which the unique index cannot see: NULL parents). */
async function checkNameFree(
  name: string,
  parentId: string | null,
  self: string | null,
  ctx: TenantContext,
): Promise<void> {
  const clash = await ctx.db.contactGroup.findFirst({
    where: { parentId, name: { equals: name, mode: 'insensitive' }, ...(self ? { id: { not: self } } : {}) },
    select: { id: true },
  });
  if (clash) {
    throw duplicateName({ code: 'P2002' });
  }
}

function duplicateName(error: unknown): unknown {
  return isUniqueViolation(error)
    ? AppError.field('name', 'A group with this name is already there', 'CONFLICT')
    : error;
}
