// After a webhook: conversations nobody has (new, or still unassigned) get assignment routing once
// flow routing is done with the same messages (a bot that takes the conversation first keeps it
// until its handoff). Ingestion already says who had each conversation, so messages on assigned
// conversations cost nothing here, and neither do messages of a workspace with nothing that
// assigns automatically (no enabled rule, no team that is not manual): its waiting queue is
// empty by definition (queue-sql.ts), so one statement spares the locked routing transaction.
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
  void flowRouting
    .then(async () => {
      if (await assignsAutomatically(deps, tenantId)) {
        await requestRouting(createTenantDb(deps.prisma, tenantId), deps);
      }
    })
    .catch((error: unknown) => deps.logger.error({ err: error, tenantId }, 'assignment routing failed'));
}

/** On the system connection, naming the tenant (docs/security.md), like the other hot paths. */
async function assignsAutomatically(deps: RoutingServices, tenantId: string): Promise<boolean> {
  const { rows } = await deps.pool.query<{ assigns: boolean }>({
    name: 'tenant-assigns-automatically',
    text: `SELECT EXISTS (SELECT 1 FROM "AssignmentRule" WHERE "tenantId" = $1 AND "isEnabled")
             OR EXISTS (SELECT 1 FROM "Team" WHERE "tenantId" = $1 AND assignment <> 'manual') AS assigns`,
    values: [tenantId],
  });
  return rows[0]?.assigns ?? true;
}
