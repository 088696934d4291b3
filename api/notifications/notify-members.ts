// In-app notifications: one row per member whose role holds the given permission, so each has
// its own read state, and a live push to the tenant's room.
import type { TenantDb } from '#db/tenant-db';
import type { Permission } from '../auth/permissions.ts';
import type { RealtimePublisher } from '../realtime/publisher.ts';

export type NotificationInput = { kind: string; title: string; body: string; link?: string };

export async function notifyMembers(
  db: TenantDb,
  realtime: RealtimePublisher,
  permission: Permission,
  notification: NotificationInput,
): Promise<number> {
  const members = await db.membership.findMany({
    where: { role: { permissions: { has: permission } } },
    select: { userId: true },
  });
  return notifyUsers(
    db,
    realtime,
    members.map((m) => m.userId),
    notification,
  );
}

/** One notification for each of the given members (assignments, @mentions), pushed live. */
export async function notifyUsers(
  db: TenantDb,
  realtime: RealtimePublisher,
  userIds: readonly string[],
  notification: NotificationInput,
): Promise<number> {
  if (userIds.length === 0) {
    return 0;
  }
  const created = await db.notification.createManyAndReturn({
    data: [...new Set(userIds)].map((userId) => ({
      tenantId: db.tenantId,
      userId,
      ...notification,
      link: notification.link ?? null,
    })),
    select: { id: true, userId: true },
  });
  for (const row of created) {
    realtime.publish(db.tenantId, 'notification.created', { notificationId: row.id, userId: row.userId });
  }
  return created.length;
}
