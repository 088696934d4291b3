// After a webhook: conversations nobody has (new, or still unassigned) get assignment routing once
// flow routing is done with the same messages (a bot that takes the conversation first keeps it
// until its handoff). Ingestion already says who had each conversation, and whether the
// workspace has anything that assigns automatically (an enabled rule, a team that is not
// manual), so messages on assigned conversations cost nothing here, and neither do those of a
// workspace whose waiting queue is empty by definition (queue-sql.ts): no locked routing
// transaction, and no statement, for a conversation a bot talks to.
import type { PrismaClient } from '#db/client';
import { createTenantDb } from '#db/tenant-db';
import type { StoredInbound } from '../webhooks/store-inbound.ts';
import { requestRouting } from './request-routing.ts';
import type { RoutingServices } from './routing-deps.ts';

export function routeAfterIngest(
  deps: RoutingServices & { prisma: PrismaClient },
  tenantId: string,
  inbound: StoredInbound[],
  flowRouting: Promise<void>,
): void {
  if (!inbound.some(({ conversation }) => conversation.assigneeUserId === null && conversation.workspaceAssigns)) {
    return;
  }
  void flowRouting
    .then(() => requestRouting(createTenantDb(deps.prisma, tenantId), deps))
    .catch((error: unknown) => deps.logger.error({ err: error, tenantId }, 'assignment routing failed'));
}
