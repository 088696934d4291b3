// A scheduled message that failed tells the agent who scheduled it: an in-app notification (the
// bell), pushed live so their browser can alert them (web/src/notifications).
import type { TenantDb } from '#db/tenant-db';
import type { ActivityDeps } from '../deps.ts';

export const SCHEDULED_FAILED_KIND = 'scheduled_message.failed';

export async function notifyScheduledFailure(
  deps: ActivityDeps,
  db: TenantDb,
  row: { id: string; conversationId: string; createdByUserId: string | null },
  reason: string,
): Promise<void> {
  if (!row.createdByUserId) {
    return; // scheduled by someone who has since left the workspace
  }
  const notification = await db.notification.create({
    data: {
      tenantId: db.tenantId,
      userId: row.createdByUserId,
      kind: SCHEDULED_FAILED_KIND,
      title: 'A scheduled message was not sent',
      body: reason.slice(0, 1000),
      link: `/inbox/${row.conversationId}`,
    },
    select: { id: true, userId: true },
  });
  deps.realtime.publish(db.tenantId, 'notification.created', {
    notificationId: notification.id,
    userId: notification.userId,
  });
}
