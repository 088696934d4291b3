// Which cached queries each live event makes stale. Invalidation refetches only what is on screen;
// the rest is refetched when next opened. A replay of many events invalidates each query once.
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { z } from 'zod';
import type { sandboxStatusSchema } from '#api/sandbox/schemas';
import { channelsKey } from '../api/channels-api.ts';
import { conversationsKey } from '../api/conversations-api.ts';
import { notificationsKey } from '../api/notifications-api.ts';
import { agentStatusesKey } from '../api/routing-api.ts';
import { sandboxCustomersKey, sandboxKey, sandboxStatusKey } from '../api/sandbox-api.ts';
import { templatesKey } from '../api/templates-api.ts';
import { campaignProgressKeys } from '../pages/campaigns/campaign-live.ts';
import { campaignsKey } from '../pages/campaigns/campaigns-api.ts';
import type { LiveEvent } from './live-events.ts';

type SandboxStatus = z.output<typeof sandboxStatusSchema>;

export function invalidateForEvents(queryClient: QueryClient, events: LiveEvent[], userId: string): void {
  const keys = new Map<string, QueryKey>();
  for (const event of events) {
    for (const key of keysForEvent(queryClient, event, userId)) {
      keys.set(JSON.stringify(key), key);
    }
  }
  for (const queryKey of keys.values()) {
    void queryClient.invalidateQueries({ queryKey });
  }
}

export function keysForEvent(queryClient: QueryClient, { name, payload }: LiveEvent, userId: string): QueryKey[] {
  switch (name) {
    case 'message.created':
    case 'message.updated':
      return isSandboxChannel(queryClient, payload.channelId)
        ? [conversationsKey, sandboxCustomersKey, [...sandboxKey, 'thread']]
        : [conversationsKey];
    case 'conversation.updated':
    case 'media.updated':
      return [conversationsKey];
    case 'channel.updated':
      return [channelsKey, sandboxStatusKey];
    case 'notification.created':
      // The room is the workspace's: other members' notifications arrive too.
      return payload.userId === userId ? [notificationsKey] : [];
    case 'agent.status_changed':
      return [agentStatusesKey];
    case 'template.updated':
      return [templatesKey];
    case 'campaign.progress':
      return campaignProgressKeys();
    default:
      // note.created and the inbox's other conversation events: the inbox's queries all sit under
      // conversationsKey (its list, the open thread, notes and side panel).
      return [conversationsKey];
  }
}

/** When missed events cannot be replayed (too old, server restarted): everything live is refetched. */
export function invalidateAllLive(queryClient: QueryClient): void {
  for (const queryKey of [
    conversationsKey,
    sandboxKey,
    channelsKey,
    notificationsKey,
    templatesKey,
    agentStatusesKey,
    campaignsKey,
  ]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}

/** Unknown until the Sandbox page has loaded its status; then nothing else is on screen to refresh. */
function isSandboxChannel(queryClient: QueryClient, channelId: string | undefined): boolean {
  const sandboxChannelId = queryClient.getQueryData<SandboxStatus>(sandboxStatusKey)?.channel?.id;
  return sandboxChannelId === undefined || sandboxChannelId === channelId;
}
