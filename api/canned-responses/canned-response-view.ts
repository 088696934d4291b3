// How a canned response row becomes what the API returns, and who may change it: the owner of a
// personal one, a member with canned.manage for a shared one.
import type { Prisma } from '#db/client';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { CannedResponseView, CannedScope } from './schemas.ts';

export const cannedResponseSelect = {
  id: true,
  scope: true,
  ownerUserId: true,
  createdById: true,
  shortcut: true,
  title: true,
  category: true,
  body: true,
  usageCount: true,
  lastUsedAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.CannedResponseSelect;

export type CannedResponseRow = Prisma.CannedResponseGetPayload<{ select: typeof cannedResponseSelect }>;

/** The signed-in member, or null for an API key (which has no personal responses). */
export function callerUserId(ctx: TenantContext): string | null {
  return ctx.principal.kind === 'user' ? ctx.principal.userId : null;
}

export function personalScopeKey(userId: string): string {
  return `user:${userId}`;
}

export function canEdit(ctx: TenantContext, row: { scope: string; ownerUserId: string | null }): boolean {
  if (row.scope === 'shared') {
    return ctx.principal.permissions.has('canned.manage');
  }
  return row.ownerUserId !== null && row.ownerUserId === callerUserId(ctx);
}

export function assertMayWrite(ctx: TenantContext, scope: CannedScope): void {
  if (scope === 'shared' && !ctx.principal.permissions.has('canned.manage')) {
    throw new AppError('FORBIDDEN', 'Shared canned responses need the canned.manage permission', {
      fields: [{ field: 'scope', message: 'shared needs the canned.manage permission' }],
    });
  }
  if (scope === 'personal' && !callerUserId(ctx)) {
    throw AppError.field('scope', 'personal responses belong to people: an API key can only manage shared ones');
  }
}

/** Names of the members who own or created the rows, in one query. */
export async function memberNames(ctx: TenantContext, rows: CannedResponseRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((row) => [row.ownerUserId ?? row.createdById]).filter((id) => id !== null))];
  if (ids.length === 0) {
    return new Map();
  }
  const members = await ctx.db.membership.findMany({
    where: { userId: { in: ids } },
    select: { userId: true, user: { select: { name: true } } },
  });
  return new Map(members.map((m) => [m.userId, m.user.name]));
}

export function toCannedResponseView(
  ctx: TenantContext,
  row: CannedResponseRow,
  names: Map<string, string>,
): CannedResponseView {
  const ownerId = row.ownerUserId ?? row.createdById;
  const ownerName = ownerId ? names.get(ownerId) : undefined;
  return {
    id: row.id,
    scope: row.scope === 'shared' ? 'shared' : 'personal',
    shortcut: row.shortcut,
    title: row.title,
    category: row.category,
    body: row.body,
    usageCount: row.usageCount,
    lastUsedAt: row.lastUsedAt,
    owner: ownerId && ownerName !== undefined ? { userId: ownerId, name: ownerName } : null,
    canEdit: canEdit(ctx, row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** What the caller can see: the shared ones and their own personal ones. */
export function visibleTo(ctx: TenantContext): Prisma.CannedResponseWhereInput {
  const userId = callerUserId(ctx);
  return userId ? { OR: [{ scope: 'shared' }, { ownerUserId: userId }] } : { scope: 'shared' };
}
