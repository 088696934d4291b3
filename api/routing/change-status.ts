// A member's status changes (by them, a manager, inactivity or a lost connection): stored, pushed
// live, and routing follows: going away or offline hands their open conversations back to the
// queue, coming online (or freeing conversations) runs the queue. Resolves once routing is done.
import type { TenantDb } from '#db/tenant-db';
import { releaseConversations } from './release-conversations.ts';
import { publishChanges, requestRouting } from './request-routing.ts';
import type { RoutingServices } from './routing-deps.ts';
import type { AgentStatusName } from './schemas.ts';

export type StatusChange = {
  status: AgentStatusName;
  isAuto: boolean;
  /**
   * Change only a member still as the sweep saw them: same status, no heartbeat or activity since
   * (one may land between the sweep's read and this write).
   */
  onlyIf?: { status: AgentStatusName; lastHeartbeatAt: Date | null; lastActivityAt: Date | null };
  /** Counts as activity too (the member set it themselves). */
  touch?: boolean;
};

export async function changeStatus(
  db: TenantDb,
  services: RoutingServices,
  userId: string,
  change: StatusChange,
): Promise<void> {
  const now = new Date();
  const key = { tenantId_userId: { tenantId: db.tenantId, userId } };
  const previous = await db.agentStatus.findUnique({ where: key, select: { status: true } });
  const activity = change.touch ? { lastHeartbeatAt: now, lastActivityAt: now } : {};
  const data = { status: change.status, isAuto: change.isAuto, ...activity };
  if (change.onlyIf) {
    const updated = await db.agentStatus.updateMany({
      where: { userId, ...change.onlyIf },
      data: { ...data, changedAt: now },
    });
    if (updated.count === 0) {
      return;
    }
  } else if (previous?.status === change.status) {
    await db.agentStatus.update({ where: key, data });
    return;
  } else {
    await db.agentStatus.upsert({
      where: key,
      create: { tenantId: db.tenantId, userId, ...data, changedAt: now },
      update: { ...data, changedAt: now },
    });
  }
  services.realtime.publish(db.tenantId, 'agent.status_changed', { userId, status: change.status });
  const wasWorking = previous?.status === 'online' || previous?.status === 'busy';
  if (wasWorking && (change.status === 'away' || change.status === 'offline')) {
    const name = await memberName(db, userId);
    const released = await releaseConversations(db, userId, `${name} went ${change.status}`);
    publishChanges(db.tenantId, services, released);
  }
  if (change.status === 'online' || wasWorking) {
    await requestRouting(db, services);
  }
}

async function memberName(db: TenantDb, userId: string): Promise<string> {
  const member = await db.membership.findFirst({ where: { userId }, select: { user: { select: { name: true } } } });
  return member?.user.name ?? 'The agent';
}
