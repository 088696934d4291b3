// The agent inbox: the conversation list, one conversation, its messages, notes and history.
// Keys sit under conversationsKey, so every live message or conversation event refetches what is
// on screen (realtime/live-invalidation.ts) without the inbox listening itself.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  assignmentPageSchema,
  contactFieldsSchema,
  conversationBotSchema,
  conversationDetailSchema,
  conversationPageSchema,
  inboxCountsSchema,
  notePageSchema,
  type ConversationFilterParams,
} from '#api/inbox/schemas';
import { messagePageSchema } from '#api/messages/schemas';
import { apiRequest } from './client.ts';
import { conversationsKey } from './conversations-api.ts';

export const inboxKey = [...conversationsKey, 'inbox'];
export const inboxListKey = [...inboxKey, 'list'];
export const inboxCountsKey = [...inboxKey, 'counts'];
export const conversationKey = (id: string) => [...inboxKey, 'conversation', id];

const PAGE_SIZE = 30;
const MESSAGE_PAGE_SIZE = 50;

export function useConversationList(filters: ConversationFilterParams) {
  return useInfiniteQuery({
    queryKey: [...inboxListKey, filters],
    queryFn: ({ pageParam }) =>
      apiRequest('/api/conversations', {
        query: { ...filters, limit: PAGE_SIZE, cursor: pageParam },
        schema: conversationPageSchema,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A filter change shows the previous list dimmed rather than a blank pane (no layout jump).
    placeholderData: (previous) => previous,
  });
}

export function useInboxCounts() {
  return useQuery({
    queryKey: inboxCountsKey,
    queryFn: () => apiRequest('/api/conversations/counts', { schema: inboxCountsSchema }),
  });
}

export function useConversation(id: string) {
  return useQuery({
    queryKey: [...conversationKey(id), 'detail'],
    queryFn: () => apiRequest(`/api/conversations/${id}`, { schema: conversationDetailSchema }),
  });
}

/** Newest page first from the API; the thread shows them oldest first and loads older on scroll up. */
export function useConversationMessages(id: string) {
  return useInfiniteQuery({
    queryKey: [...conversationKey(id), 'messages'],
    queryFn: ({ pageParam }) =>
      apiRequest(`/api/conversations/${id}/messages`, {
        query: { limit: MESSAGE_PAGE_SIZE, cursor: pageParam },
        schema: messagePageSchema,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useConversationNotes(id: string) {
  return useQuery({
    queryKey: [...conversationKey(id), 'notes'],
    queryFn: () => apiRequest(`/api/conversations/${id}/notes`, { query: { limit: 100 }, schema: notePageSchema }),
  });
}

export function useContactFields(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...conversationKey(id), 'contact-fields'],
    queryFn: () => apiRequest(`/api/conversations/${id}/contact-fields`, { schema: contactFieldsSchema }),
    enabled,
  });
}

export function usePreviousConversations(id: string) {
  return useQuery({
    queryKey: [...conversationKey(id), 'previous'],
    queryFn: () =>
      apiRequest(`/api/conversations/${id}/previous`, { query: { limit: 10 }, schema: conversationPageSchema }),
  });
}

export function useAssignmentHistory(id: string) {
  return useQuery({
    queryKey: [...conversationKey(id), 'assignments'],
    queryFn: () =>
      apiRequest(`/api/conversations/${id}/assignments`, { query: { limit: 20 }, schema: assignmentPageSchema }),
  });
}

export function useConversationBot(id: string) {
  return useQuery({
    queryKey: [...conversationKey(id), 'bot'],
    queryFn: () => apiRequest(`/api/conversations/${id}/bot`, { schema: conversationBotSchema }),
  });
}
