// A signed-in user opens another workspace of their own (agencies run one per client).
import type { UserContext } from '../context.ts';
import { describeSession } from '../auth/describe-session.ts';
import type { Session } from '../auth/schemas.ts';
import { provisionWorkspace } from './provision-workspace.ts';

export async function createWorkspace(name: string, ctx: UserContext): Promise<Session> {
  const { deps, principal } = ctx;
  const { tenantId } = await provisionWorkspace(deps, { name, ownerUserId: principal.userId });
  await deps.prisma.session.update({ where: { id: principal.sessionId }, data: { tenantId } });
  return describeSession(deps, { sessionId: principal.sessionId, userId: principal.userId, tenantId });
}
