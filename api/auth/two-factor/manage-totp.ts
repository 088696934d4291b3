// Enrol, confirm and disable TOTP two-factor authentication for the signed-in user.
import QRCode from 'qrcode';
import { createTenantDb } from '#db/tenant-db';
import type { UserContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { verifyPassword } from '../passwords.ts';
import type { TotpEnrollment } from '../schemas.ts';
import { createTotp, isValidTotp, issueRecoveryCodes, newTotpSecret, verifySecondFactor } from './second-factor.ts';

export async function startTotpEnrollment(ctx: UserContext): Promise<TotpEnrollment> {
  const { deps, principal } = ctx;
  const user = await deps.prisma.user.findUniqueOrThrow({
    where: { id: principal.userId },
    select: { totpEnabledAt: true },
  });
  if (user.totpEnabledAt) {
    throw new AppError('CONFLICT', 'Two-factor authentication is already on: turn it off first to enrol a new device');
  }
  const secret = newTotpSecret();
  await deps.prisma.user.update({
    where: { id: principal.userId },
    data: { totpSecret: deps.secretBox.encrypt(secret) },
  });
  const otpauthUrl = createTotp(principal.email, secret).toString();
  return { secret, otpauthUrl, qrCodeDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
}

export async function confirmTotpEnrollment(code: string, ctx: UserContext): Promise<{ recoveryCodes: string[] }> {
  const { deps, principal } = ctx;
  const user = await deps.prisma.user.findUniqueOrThrow({
    where: { id: principal.userId },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) {
    throw new AppError('CONFLICT', 'Two-factor authentication is already on');
  }
  if (!user.totpSecret) {
    throw new AppError('CONFLICT', 'Start the enrolment first');
  }
  if (!isValidTotp(principal.email, deps.secretBox.decrypt(user.totpSecret), code)) {
    throw AppError.field('code', 'does not match: check the time on your phone and try the next code', 'MFA_INVALID');
  }
  await deps.prisma.user.update({ where: { id: principal.userId }, data: { totpEnabledAt: new Date() } });
  const recoveryCodes = await issueRecoveryCodes(deps, principal.userId);
  await auditUser(ctx, 'auth.2fa_enabled');
  return { recoveryCodes };
}

export async function disableTotp(input: { password: string; code: string }, ctx: UserContext): Promise<void> {
  const { deps, principal } = ctx;
  const user = await deps.prisma.user.findUniqueOrThrow({
    where: { id: principal.userId },
    select: { passwordHash: true },
  });
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw AppError.field('password', 'is incorrect', 'INVALID_CREDENTIALS');
  }
  await verifySecondFactor(deps, principal.userId, input.code);
  await deps.prisma.$transaction([
    deps.prisma.user.update({ where: { id: principal.userId }, data: { totpSecret: null, totpEnabledAt: null } }),
    deps.prisma.recoveryCode.deleteMany({ where: { userId: principal.userId } }),
  ]);
  await auditUser(ctx, 'auth.2fa_disabled');
}

export async function regenerateRecoveryCodes(code: string, ctx: UserContext): Promise<{ recoveryCodes: string[] }> {
  await verifySecondFactor(ctx.deps, ctx.principal.userId, code);
  const recoveryCodes = await issueRecoveryCodes(ctx.deps, ctx.principal.userId);
  await auditUser(ctx, 'auth.recovery_codes_regenerated');
  return { recoveryCodes };
}

function auditUser(ctx: UserContext, action: string): Promise<void> {
  const { principal } = ctx;
  return recordAudit(
    createTenantDb(ctx.deps.prisma, principal.tenantId),
    { userId: principal.userId, label: principal.email },
    ctx.meta,
    {
      action,
      targetType: 'user',
      targetId: principal.userId,
    },
  );
}
