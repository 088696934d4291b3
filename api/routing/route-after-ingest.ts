// After a webhook: conversations nobody has (new, or still unassigned) get assignment routing once
// flow routing is done with the same messages (a bot that takes the conversation first keeps it
// until its handoff). Ingestion already says who had each conversation, so messages on assigned
// conversations cost nothing here.
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
  if (!inbound.some((message) => message.conversation.assigneeUserId === null)) {
    return;
  }
  void flowRouting.then(() => requestRouting(createTenantDb(deps.prisma, tenantId), deps));
}
