import { createTenantDb } from '#db/tenant-db';
import type { ActivityDeps } from '../deps.ts';

/** After the last retry: the message failed with the last error (unless WhatsApp took it meanwhile). */
export function createMarkMessageFailedActivity(deps: ActivityDeps) {
  return async function markMessageFailed(input: {
    tenantId: string;
    messageId: string;
    reason: string;
  }): Promise<void> {
    const db = createTenantDb(deps.prisma, input.tenantId);
    const updated = await db.message.updateMany({
      where: { id: input.messageId, status: { in: ['queued', 'sending'] }, providerMessageId: null },
      data: {
        status: 'failed',
        failedAt: new Date(),
        errorTitle: 'Not sent after several attempts',
        errorDetails: input.reason.slice(0, 1000),
      },
    });
    if (updated.count > 0) {
      const row = await db.message.findUniqueOrThrow({
        where: { id: input.messageId },
        select: { conversationId: true, channelId: true },
      });
      deps.realtime.publish(input.tenantId, 'message.updated', {
        messageId: input.messageId,
        ...row,
        status: 'failed',
      });
    }
  };
}
