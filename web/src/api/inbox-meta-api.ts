// The workspace's inbox vocabulary: tags, saved views, the members and teams to assign to.
// They change rarely, so they stay cached for a minute and mutations invalidate them.
import { useQuery } from '@tanstack/react-query';
import {
  inboxMemberListSchema,
  savedViewListSchema,
  savedViewSchema,
  tagListSchema,
  tagSchema,
  teamListSchema,
  type CreateTagInput,
} from '#api/inbox/schemas';
import { apiRequest } from './client.ts';

export const inboxMetaKey = ['inbox-meta'];
export const tagsKey = [...inboxMetaKey, 'tags'];
export const viewsKey = [...inboxMetaKey, 'views'];
const STALE_MS = 60_000;

export function useInboxTags() {
  return useQuery({
    queryKey: tagsKey,
    queryFn: () => apiRequest('/api/inbox/tags', { schema: tagListSchema }),
    select: (list) => list.items,
    staleTime: STALE_MS,
  });
}

export function useInboxMembers() {
  return useQuery({
    queryKey: [...inboxMetaKey, 'members'],
    queryFn: () => apiRequest('/api/inbox/members', { schema: inboxMemberListSchema }),
    select: (list) => list.items,
    staleTime: STALE_MS,
  });
}

export function useInboxTeams() {
  return useQuery({
    queryKey: [...inboxMetaKey, 'teams'],
    queryFn: () => apiRequest('/api/inbox/teams', { schema: teamListSchema }),
    select: (list) => list.items,
    staleTime: STALE_MS,
  });
}

export function useSavedViews() {
  return useQuery({
    queryKey: viewsKey,
    queryFn: () => apiRequest('/api/inbox/views', { schema: savedViewListSchema }),
    select: (list) => list.items,
    staleTime: STALE_MS,
  });
}

export const createTag = (body: Partial<CreateTagInput> & { name: string }) =>
  apiRequest('/api/inbox/tags', { method: 'POST', body, schema: tagSchema });

export const createView = (name: string, query: Record<string, string>) =>
  apiRequest('/api/inbox/views', { method: 'POST', body: { name, query }, schema: savedViewSchema });

export const updateView = (id: string, body: { name?: string; query?: Record<string, string> }) =>
  apiRequest(`/api/inbox/views/${id}`, { method: 'PATCH', body, schema: savedViewSchema });

export const deleteView = (id: string) => apiRequest(`/api/inbox/views/${id}`, { method: 'DELETE' });
