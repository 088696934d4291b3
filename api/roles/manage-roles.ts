// Custom roles: create, edit and delete. Built-in roles are fixed.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { roleSelect, toRole } from './list-roles.ts';
import { assertCanGrant } from './role-guards.ts';
import type { CreateRoleInput, Role, UpdateRoleInput } from './schemas.ts';

export async function createRole(input: CreateRoleInput, ctx: TenantContext): Promise<Role> {
  assertCanGrant(ctx, input.permissions, 'permissions');
  await assertNameFree(ctx, input.name);
  const role = await ctx.db.role.create({
    data: {
      tenantId: ctx.db.tenantId,
      name: input.name,
      description: input.description,
      permissions: input.permissions,
    },
    select: roleSelect,
  });
  await audit(ctx, {
    action: 'role.created',
    targetType: 'role',
    targetId: role.id,
    metadata: { name: role.name, permissions: role.permissions },
  });
  return toRole(role);
}

export async function updateRole(roleId: string, input: UpdateRoleInput, ctx: TenantContext): Promise<Role> {
  const existing = await getCustomRole(ctx, roleId);
  assertCanGrant(ctx, existing.permissions, 'roleId');
  if (input.permissions) {
    assertCanGrant(ctx, input.permissions, 'permissions');
  }
  if (input.name && input.name !== existing.name) {
    await assertNameFree(ctx, input.name);
  }
  const role = await ctx.db.role.update({ where: { id: roleId }, data: input, select: roleSelect });
  await audit(ctx, { action: 'role.updated', targetType: 'role', targetId: roleId, metadata: { changes: input } });
  return toRole(role);
}

export async function deleteRole(roleId: string, ctx: TenantContext): Promise<void> {
  const role = await getCustomRole(ctx, roleId);
  const [members, keys, invitations] = await Promise.all([
    ctx.db.membership.count({ where: { roleId } }),
    ctx.db.apiKey.count({ where: { roleId, revokedAt: null } }),
    ctx.db.invitation.count({ where: { roleId, acceptedAt: null, revokedAt: null } }),
  ]);
  if (members + keys + invitations > 0) {
    throw new AppError(
      'CONFLICT',
      `The role "${role.name}" is still used by ${members} member(s), ${keys} API key(s) and ${invitations} pending invitation(s): move them to another role first`,
    );
  }
  await ctx.db.role.delete({ where: { id: roleId } });
  await audit(ctx, { action: 'role.deleted', targetType: 'role', targetId: roleId, metadata: { name: role.name } });
}

async function getCustomRole(ctx: TenantContext, roleId: string) {
  const role = await ctx.db.role.findUnique({
    where: { id: roleId },
    select: { id: true, name: true, permissions: true, isSystem: true },
  });
  if (!role) {
    throw AppError.notFound('Role');
  }
  if (role.isSystem) {
    throw new AppError(
      'FORBIDDEN',
      `"${role.name}" is a built-in role and cannot be changed: create a custom role instead`,
    );
  }
  return role;
}

async function assertNameFree(ctx: TenantContext, name: string): Promise<void> {
  const clash = await ctx.db.role.findFirst({
    where: { name: { equals: name, mode: 'insensitive' } },
    select: { id: true },
  });
  if (clash) {
    throw AppError.field('name', 'is already used by another role', 'CONFLICT');
  }
}
