// SLA breach notifications, once per target and clock: a conversation past a due time it has not
// met notifies its agent, else its team's members, else everyone who assigns conversations. The
// conditional update that records the notice decides who notifies, so concurrent sweeps (several
// workers) never notify twice.
import type { PrismaClient } from '#db/client';
import { createTenantDb, type TenantDb } from '#db/tenant-db';
import type { RoutingServices } from '../routing/routing-deps.ts';

type Breach = {
  tenantId: string;
  conversationId: string;
  channelId: string;
  assigneeUserId: string | null;
  teamId: string | null;
  kind: 'first_response' | 'resolution';
  contactName: string;
};

const TITLES = { first_response: 'First response overdue', resolution: 'Resolution overdue' } as const;

export async function notifySlaBreaches(deps: RoutingServices & { prisma: PrismaClient }): Promise<number> {
  const breaches = await deps.prisma.$queryRaw<Breach[]>`
    SELECT c."tenantId", c.id AS "conversationId", c."channelId", c."assigneeUserId", c."teamId", k.kind,
      coalesce(ct.name, ct."profileName", ct.phone) AS "contactName"
    FROM "Conversation" c
    JOIN "Contact" ct ON ct.id = c."contactId"
    CROSS JOIN LATERAL (VALUES ('first_response', c."firstResponseDueAt"), ('resolution', c."resolutionDueAt")) AS k(kind, due)
    WHERE (c."firstResponseDueAt" < (now() AT TIME ZONE 'UTC') OR c."resolutionDueAt" < (now() AT TIME ZONE 'UTC'))
      AND c.status <> 'resolved' AND k.due < (now() AT TIME ZONE 'UTC')
      AND NOT (k.kind = ANY(coalesce(c."slaBreachesNotified", '{}')))
    LIMIT 1000`;
  let notified = 0;
  for (const breach of breaches) {
    const db = createTenantDb(deps.prisma, breach.tenantId);
    notified += await notifyOne(db, deps, breach).catch((error: unknown) => {
      deps.logger.error({ err: error, conversationId: breach.conversationId }, 'could not notify an SLA breach');
      return 0;
    });
  }
  return notified;
}

async function notifyOne(db: TenantDb, services: RoutingServices, breach: Breach): Promise<number> {
  const created = await db.transaction(async (tx) => {
    const claimed = await tx.$executeRaw`
      UPDATE "Conversation" SET "slaBreachesNotified" = array_append(coalesce("slaBreachesNotified", '{}'), ${breach.kind})
      WHERE id = ${breach.conversationId}::uuid AND "tenantId" = ${db.tenantId}::uuid
        AND NOT (${breach.kind} = ANY(coalesce("slaBreachesNotified", '{}')))`;
    if (claimed === 0) {
      return [];
    }
    const recipients = await recipientsOf(tx, db.tenantId, breach);
    return tx.notification.createManyAndReturn({
      data: recipients.map((userId) => ({
        tenantId: db.tenantId,
        userId,
        kind: 'sla.breached',
        title: TITLES[breach.kind],
        body: `${breach.contactName}: the ${breach.kind === 'first_response' ? 'first-response' : 'resolution'} target has passed.`,
        link: `/inbox/${breach.conversationId}`,
      })),
      select: { id: true, userId: true },
    });
  });
  for (const row of created) {
    services.realtime.publish(db.tenantId, 'notification.created', { notificationId: row.id, userId: row.userId });
  }
  if (created.length > 0) {
    services.realtime.publish(db.tenantId, 'conversation.updated', {
      conversationId: breach.conversationId,
      channelId: breach.channelId,
    });
  }
  return created.length;
}

async function recipientsOf(
  tx: Parameters<Parameters<TenantDb['transaction']>[0]>[0],
  tenantId: string,
  breach: Breach,
): Promise<string[]> {
  if (breach.assigneeUserId) {
    return [breach.assigneeUserId];
  }
  if (breach.teamId) {
    const members = await tx.teamMember.findMany({
      where: { tenantId, teamId: breach.teamId },
      select: { userId: true },
    });
    if (members.length > 0) {
      return members.map((m) => m.userId);
    }
  }
  const assigners = await tx.membership.findMany({
    where: { tenantId, role: { permissions: { has: 'inbox.assign' } } },
    select: { userId: true },
  });
  return assigners.map((m) => m.userId);
}
