// An agent read the conversation: WhatsApp shows the customer blue ticks (marking the latest
// inbound message read marks the earlier ones too) and the unread count goes back to 0. The read
// receipt is best effort: a WhatsApp outage must not stop the agent from working.
import { cloudApiFor } from '../channels/channel-client.ts';
import type { TenantContext } from '../context.ts';
import { getConversation } from './list-messages.ts';
import type { ConversationView } from './schemas.ts';

export async function markConversationRead(conversationId: string, ctx: TenantContext): Promise<ConversationView> {
  const conversation = await getConversation(conversationId, ctx);
  // Messages stored by one webhook share their insert time, and WhatsApp's timestamps count whole
  // seconds: every message of the latest second is marked, since which one came last is unknown.
  const recent = await ctx.db.message.findMany({
    where: { conversationId, direction: 'inbound', providerMessageId: { not: null } },
    orderBy: [{ providerTimestamp: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
    take: 5,
    select: {
      providerMessageId: true,
      providerTimestamp: true,
      channel: { select: { kind: true, accessToken: true, phoneNumberId: true } },
    },
  });
  await ctx.db.conversation.update({ where: { id: conversationId }, data: { unreadCount: 0 } });
  const latest = recent[0];
  const client = latest ? cloudApiFor(latest.channel, ctx.services) : null;
  const phoneNumberId = latest?.channel.phoneNumberId;
  if (client && phoneNumberId) {
    const lastSecond = recent.filter((m) => m.providerTimestamp?.getTime() === latest.providerTimestamp?.getTime());
    for (const message of lastSecond) {
      await client.markAsRead(phoneNumberId, message.providerMessageId!).catch((error: unknown) => {
        ctx.services.logger.warn({ err: error, conversationId }, 'could not send the read receipt to WhatsApp');
      });
    }
  }
  ctx.services.realtime.publish(ctx.db.tenantId, 'conversation.updated', {
    conversationId,
    channelId: conversation.channelId,
  });
  return { ...conversation, unreadCount: 0 };
}
