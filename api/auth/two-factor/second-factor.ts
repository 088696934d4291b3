// TOTP (RFC 6238, 30 s, 6 digits, as every authenticator app expects) and single-use recovery codes.
import { randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import type { AppDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { sha256 } from '#lib/tokens';
import { assertNotLimited, recordFailure } from '../../http/rate-limits.ts';

const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function createTotp(email: string, secretBase32: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: 'Parley',
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function isValidTotp(email: string, secretBase32: string, code: string): boolean {
  return createTotp(email, secretBase32).validate({ token: code.replace(/\s/g, ''), window: 1 }) !== null;
}

/** Checks a TOTP code or an unused recovery code (which it then uses up); throttled per user. */
export async function verifySecondFactor(
  deps: AppDeps,
  userId: string,
  code: string,
): Promise<'totp' | 'recovery-code'> {
  const limitKey = `mfa:${userId}`;
  await assertNotLimited(deps.rateLimits.loginFailures, limitKey);
  const user = await deps.prisma.user.findUnique({
    where: { id: userId },
    select: { email: true, totpSecret: true, totpEnabledAt: true },
  });
  if (!user?.totpSecret || !user.totpEnabledAt) {
    throw new AppError('MFA_INVALID', 'Two-factor authentication is not enabled for this account');
  }
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed.replace(/\s/g, ''))) {
    if (isValidTotp(user.email, deps.secretBox.decrypt(user.totpSecret), trimmed)) {
      await deps.rateLimits.loginFailures.delete(limitKey);
      return 'totp';
    }
  } else {
    const used = await deps.prisma.recoveryCode.updateMany({
      where: { userId, codeHash: sha256(normaliseRecoveryCode(trimmed)), usedAt: null },
      data: { usedAt: new Date() },
    });
    if (used.count === 1) {
      await deps.rateLimits.loginFailures.delete(limitKey);
      return 'recovery-code';
    }
  }
  await recordFailure(deps.rateLimits.loginFailures, limitKey);
  throw AppError.field('code', 'is not a valid authentication or recovery code', 'MFA_INVALID');
}

/** Replaces the user's recovery codes and returns the new ones (shown once). */
export async function issueRecoveryCodes(deps: AppDeps, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await deps.prisma.$transaction([
    deps.prisma.recoveryCode.deleteMany({ where: { userId } }),
    deps.prisma.recoveryCode.createMany({
      data: codes.map((c) => ({ userId, codeHash: sha256(normaliseRecoveryCode(c)) })),
    }),
  ]);
  return codes;
}

function newRecoveryCode(): string {
  const chars = [...randomBytes(10)].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}
