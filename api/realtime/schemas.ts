// Events pushed to a tenant's Socket.IO room. Payloads are small: the client refetches what it
// shows, so a missed event never leaves stale data behind for long.
import { z } from 'zod';

export const realtimeEventSchemas = {
  'message.created': z.object({
    messageId: z.uuid(),
    conversationId: z.uuid(),
    channelId: z.uuid(),
    direction: z.enum(['inbound', 'outbound']),
  }),
  'message.updated': z.object({
    messageId: z.uuid(),
    conversationId: z.uuid(),
    channelId: z.uuid(),
    status: z.string(),
  }),
  'conversation.updated': z.object({ conversationId: z.uuid(), channelId: z.uuid() }),
  'channel.updated': z.object({ channelId: z.uuid(), status: z.string() }),
  'media.updated': z.object({ mediaId: z.uuid(), status: z.string() }),
  'notification.created': z.object({ notificationId: z.uuid(), userId: z.uuid() }),
};

export type RealtimeEventName = keyof typeof realtimeEventSchemas;
export type RealtimeEvent<N extends RealtimeEventName> = z.infer<(typeof realtimeEventSchemas)[N]>;

export function tenantRoom(tenantId: string): string {
  return `tenant:${tenantId}`;
}
