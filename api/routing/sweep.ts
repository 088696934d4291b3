// The periodic routing sweep (a Temporal Schedule runs it: sweep-schedule.ts). Across tenants it
// finds, with two small system queries, members whose web app went quiet (offline after
// AGENT_OFFLINE_AFTER_SECONDS without a heartbeat; away after the workspace's auto-away time
// without activity), and tenants with online members, whose queue it runs (capacity freed by
// actions routing does not see, such as a conversation resolved in the inbox). Each tenant's
// work then goes through its scoped database. SLA breaches: notify-breaches.ts.
import type { PrismaClient } from '#db/client';
import { createTenantDb } from '#db/tenant-db';
import type { Env } from '#lib/env';
import { notifySlaBreaches } from '../sla/notify-breaches.ts';
import { DEFAULT_ROUTING_SETTINGS } from './agent-pool.ts';
import { changeStatus } from './change-status.ts';
import { requestRouting } from './request-routing.ts';
import type { RoutingServices } from './routing-deps.ts';
import type { AgentStatusName } from './schemas.ts';

export type SweepDeps = RoutingServices & { prisma: PrismaClient; env: Env };
export type SweepResult = { statusChanges: number; tenantsRouted: number; breachesNotified: number };

type StaleAgent = {
  tenantId: string;
  userId: string;
  status: AgentStatusName;
  lastHeartbeatAt: Date | null;
  lastActivityAt: Date | null;
  next: 'away' | 'offline';
};

export async function sweepRouting(deps: SweepDeps): Promise<SweepResult> {
  const stale = await deps.prisma.$queryRaw<StaleAgent[]>`
    SELECT s."tenantId", s."userId", s.status, s."lastHeartbeatAt", s."lastActivityAt",
      CASE WHEN s."lastHeartbeatAt" IS NULL
        OR s."lastHeartbeatAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${deps.env.AGENT_OFFLINE_AFTER_SECONDS})
      THEN 'offline' ELSE 'away' END AS next
    FROM "AgentStatus" s LEFT JOIN "RoutingSettings" rs ON rs."tenantId" = s."tenantId"
    WHERE (s.status <> 'offline' AND (s."lastHeartbeatAt" IS NULL
        OR s."lastHeartbeatAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${deps.env.AGENT_OFFLINE_AFTER_SECONDS})))
      OR (s.status = 'online' AND coalesce(s."lastActivityAt", s."changedAt")
        < (now() AT TIME ZONE 'UTC') - make_interval(secs => coalesce(rs."autoAwaySeconds", ${DEFAULT_ROUTING_SETTINGS.autoAwaySeconds})))
    LIMIT 1000`;
  for (const agent of stale) {
    const db = createTenantDb(deps.prisma, agent.tenantId);
    const seen = { status: agent.status, lastHeartbeatAt: agent.lastHeartbeatAt, lastActivityAt: agent.lastActivityAt };
    await changeStatus(db, deps, agent.userId, { status: agent.next, isAuto: true, onlyIf: seen }).catch(
      (error: unknown) => deps.logger.error({ err: error, userId: agent.userId }, 'could not change an idle status'),
    );
  }
  const withAgents = await deps.prisma.$queryRaw<Array<{ tenantId: string }>>`
    SELECT DISTINCT "tenantId" FROM "AgentStatus" WHERE status = 'online'`;
  await Promise.all(withAgents.map(({ tenantId }) => requestRouting(createTenantDb(deps.prisma, tenantId), deps)));
  const breachesNotified = await notifySlaBreaches(deps);
  return { statusChanges: stale.length, tenantsRouted: withAgents.length, breachesNotified };
}
