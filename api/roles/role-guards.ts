// Rules that keep roles from becoming a way around permissions.
import type { Permission } from '../auth/permissions.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';

/** Nobody can hand out (to a member, an invitee, an API key or a role) more than they hold. */
export function assertCanGrant(ctx: TenantContext, permissions: readonly string[], field: string): void {
  const missing = permissions.filter((p) => !ctx.principal.permissions.has(p as Permission));
  if (missing.length > 0) {
    throw AppError.field(field, `grants permissions you do not have: ${missing.join(', ')}`, 'FORBIDDEN');
  }
}

/** A role of the caller's workspace, or NOT_FOUND (another tenant's role id looks like no role at all). */
export async function findGrantableRole(ctx: TenantContext, roleId: string, field = 'roleId') {
  const role = await ctx.db.role.findUnique({
    where: { id: roleId },
    select: { id: true, name: true, permissions: true },
  });
  if (!role) {
    throw AppError.field(field, 'is not a role of this workspace', 'NOT_FOUND');
  }
  assertCanGrant(ctx, role.permissions, field);
  return role;
}
