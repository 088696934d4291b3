// The close_conversation node: marks the conversation resolved (idempotent) and tells open inboxes.
import { emitEvent } from '#api/events/emit-event';
import { createTenantDb } from '#db/tenant-db';
import type { ActivityDeps } from '../deps.ts';

export function createCloseConversationActivity(deps: ActivityDeps) {
  return async function closeConversation(input: { tenantId: string; conversationId: string }): Promise<void> {
    const db = createTenantDb(deps.prisma, input.tenantId);
    const closed = await db.conversation.updateMany({
      where: { id: input.conversationId, closedAt: null },
      data: { status: 'resolved', closedAt: new Date() },
    });
    if (closed.count > 0) {
      const { channelId, contactId } = await db.conversation.findUniqueOrThrow({
        where: { id: input.conversationId },
        select: { channelId: true, contactId: true },
      });
      deps.realtime.publish(input.tenantId, 'conversation.updated', {
        conversationId: input.conversationId,
        channelId,
      });
      // Only the attempt that closed it: a retry finds it closed and says nothing.
      void emitEvent(deps, input.tenantId, 'conversation.resolved', {
        conversationId: input.conversationId,
        channelId,
        contactId,
      });
    }
  };
}
