import { useQuery } from '@tanstack/react-query';
import {
  channelPageSchema,
  channelSchema,
  channelWebhookSetupSchema,
  type ConnectChannelInput,
  type UpdateChannelInput,
} from '#api/channels/schemas';
import { apiRequest } from './client.ts';
import { usePagedList } from './use-paged-list.ts';

/** Every channel query lives under this key, so one invalidation refreshes lists and details. */
export const channelsKey = ['channels'];
export const channelsListKey = [...channelsKey, 'list'];
export const channelKey = (channelId: string) => [...channelsKey, 'detail', channelId];

export function useChannels() {
  return usePagedList(channelsListKey, (cursor) =>
    apiRequest('/api/channels', { query: { limit: 25, cursor }, schema: channelPageSchema }),
  );
}

/** `pollMs` keeps refetching while a background check runs (its result only sometimes emits an event). */
export function useChannel(channelId: string, pollMs: number | false = false) {
  return useQuery({
    queryKey: channelKey(channelId),
    queryFn: () => apiRequest(`/api/channels/${channelId}`, { schema: channelSchema }),
    refetchInterval: pollMs,
  });
}

export function useWebhookSetup(channelId: string) {
  return useQuery({
    queryKey: [...channelKey(channelId), 'webhook-setup'],
    queryFn: () => apiRequest(`/api/channels/${channelId}/webhook-setup`, { schema: channelWebhookSetupSchema }),
  });
}

export const connectChannel = (body: ConnectChannelInput) =>
  apiRequest('/api/channels', { method: 'POST', body, schema: channelSchema });

export const updateChannel = (channelId: string, body: UpdateChannelInput) =>
  apiRequest(`/api/channels/${channelId}`, { method: 'PATCH', body, schema: channelSchema });

export const verifyChannel = (channelId: string) =>
  apiRequest(`/api/channels/${channelId}/verify`, { method: 'POST', schema: channelSchema });

export const checkChannelHealth = (channelId: string) =>
  apiRequest(`/api/channels/${channelId}/health-check`, { method: 'POST' });

export const deleteChannel = (channelId: string) => apiRequest(`/api/channels/${channelId}`, { method: 'DELETE' });
