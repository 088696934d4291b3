// Moves the current session to another workspace the user belongs to.
import type { UserContext } from '../context.ts';
import { chooseTenant, describeSession } from './describe-session.ts';
import type { Session } from './schemas.ts';

export async function switchTenant(tenantId: string, ctx: UserContext): Promise<Session> {
  const { deps, principal } = ctx;
  await chooseTenant(deps, principal.userId, tenantId);
  await deps.prisma.session.update({ where: { id: principal.sessionId }, data: { tenantId } });
  return describeSession(deps, { sessionId: principal.sessionId, userId: principal.userId, tenantId });
}
