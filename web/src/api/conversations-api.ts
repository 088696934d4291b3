import { useQuery } from '@tanstack/react-query';
import { conversationPageSchema } from '#api/inbox/schemas';
import { apiRequest } from './client.ts';

export const conversationsKey = ['conversations'];

/** The most recent conversation, if any: enough to know whether the workspace has talked to anyone. */
export function useLatestConversation(enabled: boolean) {
  return useQuery({
    queryKey: [...conversationsKey, 'latest'],
    queryFn: () => apiRequest('/api/conversations', { query: { limit: 1 }, schema: conversationPageSchema }),
    select: (page) => page.items[0] ?? null,
    enabled,
  });
}
