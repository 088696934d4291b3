// Who is calling: a signed-in user (Bearer access token) or an API key (Bearer prl_… or X-Api-Key).
// Roles and sessions are read on every request, so a revoked key, a logout or a role change takes
// effect at once rather than when a token expires.
import type { AppDeps, ApiKeyPrincipal, Principal, UserPrincipal } from '../context.ts';
import { AppError } from '../errors.ts';
import { sha256 } from '#lib/tokens';
import { readAccessToken } from './access-token.ts';
import { isPermission, type Permission } from './permissions.ts';

export const API_KEY_PREFIX = 'prl_';
const LAST_USED_PRECISION_MS = 60_000;

export async function authenticate(
  headers: Record<string, string | string[] | undefined>,
  deps: AppDeps,
): Promise<Principal> {
  const apiKeyHeader = headers['x-api-key'];
  const bearer = /^Bearer\s+(\S+)$/i.exec(String(headers.authorization ?? ''))?.[1];
  const token = typeof apiKeyHeader === 'string' ? apiKeyHeader : bearer;
  if (!token) {
    throw new AppError('UNAUTHENTICATED', 'Sign in, or send an API key as "Authorization: Bearer <key>"');
  }
  return token.startsWith(API_KEY_PREFIX) ? authenticateApiKey(token, deps) : authenticateUser(token, deps);
}

export async function authenticateUser(token: string, deps: AppDeps): Promise<UserPrincipal> {
  const claims = readAccessToken(token, deps.jwtSecret);
  if (!claims) {
    throw new AppError('UNAUTHENTICATED', 'The access token is invalid or has expired');
  }
  const session = await deps.prisma.session.findUnique({
    where: { id: claims.sessionId },
    select: { revokedAt: true, expiresAt: true, user: { select: { email: true, totpEnabledAt: true } } },
  });
  if (!session || session.revokedAt || session.expiresAt < new Date()) {
    throw new AppError('UNAUTHENTICATED', 'This session has ended: sign in again');
  }
  const membership = await deps.prisma.membership.findUnique({
    where: { tenantId_userId: { tenantId: claims.tenantId, userId: claims.userId } },
    select: {
      roleId: true,
      role: { select: { permissions: true } },
      tenant: { select: { status: true, settings: { select: { require2fa: true } } } },
    },
  });
  if (!membership) {
    throw new AppError('UNAUTHENTICATED', 'You are no longer a member of this workspace');
  }
  assertTenantUsable(membership.tenant.status);
  return {
    kind: 'user',
    userId: claims.userId,
    email: session.user.email,
    sessionId: claims.sessionId,
    tenantId: claims.tenantId,
    roleId: membership.roleId,
    permissions: toPermissionSet(membership.role.permissions),
    mfaEnrollmentRequired: Boolean(membership.tenant.settings?.require2fa) && !session.user.totpEnabledAt,
  };
}

async function authenticateApiKey(key: string, deps: AppDeps): Promise<ApiKeyPrincipal> {
  const apiKey = await deps.prisma.apiKey.findUnique({
    where: { keyHash: sha256(key) },
    select: {
      id: true,
      name: true,
      tenantId: true,
      roleId: true,
      revokedAt: true,
      lastUsedAt: true,
      allowedIps: true,
      role: { select: { permissions: true } },
      tenant: { select: { status: true } },
    },
  });
  if (!apiKey || apiKey.revokedAt) {
    throw new AppError('UNAUTHENTICATED', 'The API key is invalid or has been revoked');
  }
  assertTenantUsable(apiKey.tenant.status);
  const now = new Date();
  if (!apiKey.lastUsedAt || now.getTime() - apiKey.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await deps.prisma.apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: now } });
  }
  return {
    kind: 'apiKey',
    apiKeyId: apiKey.id,
    name: apiKey.name,
    tenantId: apiKey.tenantId,
    roleId: apiKey.roleId,
    permissions: toPermissionSet(apiKey.role.permissions),
    allowedIps: apiKey.allowedIps,
  };
}

function assertTenantUsable(status: string): void {
  if (status === 'suspended') {
    throw new AppError('FORBIDDEN', 'This workspace is suspended');
  }
  if (status === 'provisioning') {
    throw new AppError('UNAVAILABLE', 'This workspace is still being set up: try again in a few seconds');
  }
}

function toPermissionSet(names: string[]): ReadonlySet<Permission> {
  return new Set(names.filter(isPermission));
}
