// Which cached queries each live event makes stale. Invalidation refetches only what is on screen;
// the rest is refetched when next opened.
import type { QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { sandboxStatusSchema } from '#api/sandbox/schemas';
import { channelsKey } from '../api/channels-api.ts';
import { conversationsKey } from '../api/conversations-api.ts';
import { notificationsKey } from '../api/notifications-api.ts';
import { sandboxCustomersKey, sandboxKey, sandboxStatusKey } from '../api/sandbox-api.ts';
import type { LiveEventName, LiveEventPayload } from './live-events.ts';

type SandboxStatus = z.output<typeof sandboxStatusSchema>;

export function invalidateForEvent(
  queryClient: QueryClient,
  name: LiveEventName,
  payload: LiveEventPayload,
  userId: string,
): void {
  const invalidate = (queryKey: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey });
  switch (name) {
    case 'message.created':
    case 'message.updated':
      invalidate(conversationsKey);
      if (isSandboxChannel(queryClient, payload.channelId)) {
        invalidate(sandboxCustomersKey);
        invalidate([...sandboxKey, 'thread']);
      }
      return;
    case 'conversation.updated':
    case 'media.updated':
      invalidate(conversationsKey);
      return;
    case 'channel.updated':
      invalidate(channelsKey);
      invalidate(sandboxStatusKey);
      return;
    case 'notification.created':
      // The room is the workspace's: other members' notifications arrive too.
      if (payload.userId === userId) {
        invalidate(notificationsKey);
      }
      return;
  }
}

/** After a reconnection: events sent while offline are lost, so everything live is refetched. */
export function invalidateAllLive(queryClient: QueryClient): void {
  for (const queryKey of [conversationsKey, sandboxKey, channelsKey, notificationsKey]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}

/** Unknown until the Sandbox page has loaded its status; then nothing else is on screen to refresh. */
function isSandboxChannel(queryClient: QueryClient, channelId: string | undefined): boolean {
  const sandboxChannelId = queryClient.getQueryData<SandboxStatus>(sandboxStatusKey)?.channel?.id;
  return sandboxChannelId === undefined || sandboxChannelId === channelId;
}
