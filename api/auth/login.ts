// E-mail + password login, throttled per e-mail and IP; users with 2FA get a challenge instead
// of a session and finish in complete-mfa-login.ts.
import type { PublicContext } from '../context.ts';
import { createTenantDb } from '#db/tenant-db';
import { AppError } from '../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { assertNotLimited, recordFailure } from '../http/rate-limits.ts';
import { issueMfaToken } from './access-token.ts';
import { chooseTenant, describeSession } from './describe-session.ts';
import { verifyPassword } from './passwords.ts';
import type { LoginInput, LoginResult, Session } from './schemas.ts';
import { startSession } from './sessions.ts';

export async function login(input: LoginInput, ctx: PublicContext): Promise<LoginResult> {
  const { deps, meta } = ctx;
  const accountKey = `${input.email}|${meta.ip}`;
  await assertNotLimited(deps.rateLimits.loginFailures, accountKey);
  await assertNotLimited(deps.rateLimits.loginFailuresByIp, meta.ip);

  const user = await deps.prisma.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true, totpEnabledAt: true },
  });
  if (!(await verifyPassword(user?.passwordHash ?? null, input.password)) || !user) {
    await recordFailure(deps.rateLimits.loginFailures, accountKey);
    await recordFailure(deps.rateLimits.loginFailuresByIp, meta.ip);
    throw new AppError('INVALID_CREDENTIALS', 'The e-mail or password is incorrect');
  }
  await deps.rateLimits.loginFailures.delete(accountKey);

  const tenantId = await chooseTenant(deps, user.id, input.tenantId);
  if (user.totpEnabledAt) {
    return { status: 'mfa_required', mfaToken: issueMfaToken(user.id, tenantId, deps.jwtSecret) };
  }
  return finishLogin(ctx, user.id, tenantId, 'password');
}

export async function finishLogin(
  ctx: PublicContext,
  userId: string,
  tenantId: string,
  method: string,
): Promise<Session> {
  const ref = await startSession(ctx.deps, ctx.cookies, ctx.meta, userId, tenantId);
  const session = await describeSession(ctx.deps, ref);
  await recordAudit(createTenantDb(ctx.deps.prisma, tenantId), { userId, label: session.user.email }, ctx.meta, {
    action: 'auth.login',
    targetType: 'user',
    targetId: userId,
    metadata: { method },
  });
  return session;
}
