// Second login step for users with 2FA: the challenge token from login.ts plus a TOTP or recovery code.
import type { PublicContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { readMfaToken } from './access-token.ts';
import { chooseTenant } from './describe-session.ts';
import { finishLogin } from './login.ts';
import type { LoginMfaInput, Session } from './schemas.ts';
import { verifySecondFactor } from './two-factor/second-factor.ts';

export async function completeMfaLogin(input: LoginMfaInput, ctx: PublicContext): Promise<Session> {
  const challenge = readMfaToken(input.mfaToken, ctx.deps.jwtSecret);
  if (!challenge) {
    throw AppError.field('mfaToken', 'has expired: sign in again', 'UNAUTHENTICATED');
  }
  const method = await verifySecondFactor(ctx.deps, challenge.userId, input.code);
  const tenantId = await chooseTenant(ctx.deps, challenge.userId, challenge.tenantId ?? undefined);
  return finishLogin(ctx, challenge.userId, tenantId, `password+${method}`);
}
