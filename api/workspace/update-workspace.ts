import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { getWorkspace } from './get-workspace.ts';
import type { UpdateWorkspaceInput, Workspace } from './schemas.ts';

export async function updateWorkspace(input: UpdateWorkspaceInput, ctx: TenantContext): Promise<Workspace> {
  const { name, ...settings } = input;
  if (settings.require2fa && ctx.principal.kind === 'user' && !(await callerHasTotp(ctx))) {
    throw AppError.field(
      'require2fa',
      'turn on two-factor authentication for yourself first, so you are not locked out',
      'CONFLICT',
    );
  }
  if (name !== undefined) {
    await ctx.db.tenant.update({ where: { id: ctx.db.tenantId }, data: { name } });
  }
  if (Object.keys(settings).length > 0) {
    await ctx.db.settings.upsert({
      where: { tenantId: ctx.db.tenantId },
      create: { tenantId: ctx.db.tenantId, ...settings },
      update: settings,
    });
  }
  await audit(ctx, {
    action: 'workspace.updated',
    targetType: 'workspace',
    targetId: ctx.db.tenantId,
    metadata: { changes: input },
  });
  return getWorkspace(ctx);
}

async function callerHasTotp(ctx: TenantContext): Promise<boolean> {
  if (ctx.principal.kind !== 'user') {
    return false;
  }
  const member = await ctx.db.membership.findFirst({
    where: { userId: ctx.principal.userId },
    select: { user: { select: { totpEnabledAt: true } } },
  });
  return Boolean(member?.user.totpEnabledAt);
}
