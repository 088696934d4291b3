// The team of a workspace: list, change a member's role, remove a member. Owners are protected:
// only an owner can make or unmake one, and the last owner can be neither demoted nor removed.
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { OWNER_ROLE } from '../auth/permissions.ts';
import { pageArgs, toPage, type PageQuery } from '../http/pagination.ts';
import { findGrantableRole } from '../roles/role-guards.ts';
import type { Member } from './schemas.ts';

const memberSelect = {
  id: true,
  createdAt: true,
  user: { select: { id: true, name: true, email: true, totpEnabledAt: true, lastLoginAt: true } },
  role: { select: { id: true, name: true } },
} as const;

type MemberRow = {
  id: string;
  createdAt: Date;
  user: { id: string; name: string; email: string; totpEnabledAt: Date | null; lastLoginAt: Date | null };
  role: { id: string; name: string };
};

export async function listMembers(query: PageQuery, ctx: TenantContext): Promise<Page<Member>> {
  const rows = await ctx.db.membership.findMany({
    ...pageArgs(query),
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: memberSelect,
  });
  return toPage(rows, query, toMember);
}

export async function changeMemberRole(memberId: string, roleId: string, ctx: TenantContext): Promise<Member> {
  const member = await getMember(ctx, memberId);
  const role = await findGrantableRole(ctx, roleId);
  if (member.role.name === OWNER_ROLE || role.name === OWNER_ROLE) {
    await assertCallerIsOwner(ctx);
  }
  if (member.role.name === OWNER_ROLE && role.name !== OWNER_ROLE) {
    await assertAnotherOwner(ctx, member.id);
  }
  const updated = await ctx.db.membership.update({ where: { id: memberId }, data: { roleId }, select: memberSelect });
  await audit(ctx, {
    action: 'member.role_changed',
    targetType: 'user',
    targetId: member.user.id,
    metadata: { email: member.user.email, from: member.role.name, to: role.name },
  });
  return toMember(updated);
}

export async function removeMember(memberId: string, ctx: TenantContext): Promise<void> {
  const member = await getMember(ctx, memberId);
  if (member.role.name === OWNER_ROLE) {
    await assertCallerIsOwner(ctx);
    await assertAnotherOwner(ctx, member.id);
  }
  await ctx.db.membership.delete({ where: { id: memberId } });
  await audit(ctx, {
    action: 'member.removed',
    targetType: 'user',
    targetId: member.user.id,
    metadata: { email: member.user.email, role: member.role.name },
  });
}

async function getMember(ctx: TenantContext, memberId: string): Promise<MemberRow> {
  const member = await ctx.db.membership.findUnique({ where: { id: memberId }, select: memberSelect });
  if (!member) {
    throw AppError.notFound('Member');
  }
  return member;
}

async function assertCallerIsOwner(ctx: TenantContext): Promise<void> {
  const owner = await ctx.db.role.findFirst({ where: { name: OWNER_ROLE, isSystem: true }, select: { id: true } });
  if (ctx.principal.roleId !== owner?.id) {
    throw new AppError('FORBIDDEN', 'Only an owner can make, unmake or remove an owner');
  }
}

async function assertAnotherOwner(ctx: TenantContext, exceptMemberId: string): Promise<void> {
  const others = await ctx.db.membership.count({
    where: { id: { not: exceptMemberId }, role: { name: OWNER_ROLE, isSystem: true } },
  });
  if (others === 0) {
    throw new AppError('CONFLICT', 'A workspace needs at least one owner: make someone else owner first');
  }
}

function toMember(row: MemberRow): Member {
  const { totpEnabledAt, ...user } = row.user;
  return {
    id: row.id,
    createdAt: row.createdAt,
    role: row.role,
    user: { ...user, totpEnabled: totpEnabledAt !== null },
  };
}
