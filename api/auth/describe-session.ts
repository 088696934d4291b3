// The session payload the web app keeps: who is signed in, the current workspace with the
// caller's permissions, every workspace they can switch to, and a fresh access token.
import type { AppDeps } from '../context.ts';
import { AppError } from '../errors.ts';
import { isPermission } from './permissions.ts';
import type { Session } from './schemas.ts';
import { mintAccessToken, type SessionRef } from './sessions.ts';

export async function describeSession(deps: AppDeps, ref: SessionRef): Promise<Session> {
  const user = await deps.prisma.user.findUnique({
    where: { id: ref.userId },
    select: {
      id: true,
      email: true,
      name: true,
      totpEnabledAt: true,
      memberships: {
        where: { tenant: { status: { not: 'provisioning' } } },
        orderBy: { createdAt: 'asc' },
        select: {
          role: { select: { name: true, permissions: true } },
          tenant: { select: { id: true, name: true, slug: true, settings: { select: { require2fa: true } } } },
        },
      },
    },
  });
  if (!user) {
    throw new AppError('UNAUTHENTICATED', 'This account no longer exists');
  }
  const current = user.memberships.find((m) => m.tenant.id === ref.tenantId);
  if (!current) {
    throw new AppError('UNAUTHENTICATED', 'You are no longer a member of this workspace');
  }
  const require2fa = current.tenant.settings?.require2fa ?? false;
  return {
    status: 'authenticated',
    ...mintAccessToken(deps, ref),
    user: { id: user.id, email: user.email, name: user.name, totpEnabled: user.totpEnabledAt !== null },
    tenant: {
      id: current.tenant.id,
      name: current.tenant.name,
      slug: current.tenant.slug,
      role: current.role.name,
      permissions: current.role.permissions.filter(isPermission),
      require2fa,
    },
    tenants: user.memberships.map((m) => ({
      id: m.tenant.id,
      name: m.tenant.name,
      slug: m.tenant.slug,
      role: m.role.name,
    })),
    mfaEnrollmentRequired: require2fa && user.totpEnabledAt === null,
  };
}

/** The workspace a login lands in: the one asked for, else the last one used, else the oldest. */
export async function chooseTenant(deps: AppDeps, userId: string, requested?: string): Promise<string> {
  const memberships = await deps.prisma.membership.findMany({
    where: { userId, tenant: { status: 'active' } },
    orderBy: { createdAt: 'asc' },
    select: { tenantId: true },
  });
  if (requested) {
    if (!memberships.some((m) => m.tenantId === requested)) {
      throw AppError.field('tenantId', 'is not a workspace you belong to', 'FORBIDDEN');
    }
    return requested;
  }
  const lastSession = await deps.prisma.session.findFirst({
    where: { userId, tenantId: { in: memberships.map((m) => m.tenantId) } },
    orderBy: { createdAt: 'desc' },
    select: { tenantId: true },
  });
  const tenantId = lastSession?.tenantId ?? memberships[0]?.tenantId;
  if (!tenantId) {
    throw new AppError('UNAVAILABLE', 'Your workspace is still being set up, or you no longer belong to one');
  }
  return tenantId;
}
