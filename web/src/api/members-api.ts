import { memberPageSchema, memberSchema, type Member } from '#api/members/schemas';
import { apiRequest } from './client.ts';
import { usePagedList } from './use-paged-list.ts';

export const membersKey = ['members'];

export function useMembers(enabled = true) {
  return usePagedList<Member>(
    membersKey,
    (cursor) => apiRequest('/api/members', { query: { limit: 25, cursor }, schema: memberPageSchema }),
    enabled,
  );
}

export const changeMemberRole = (memberId: string, roleId: string) =>
  apiRequest(`/api/members/${memberId}`, { method: 'PATCH', body: { roleId }, schema: memberSchema });

export const removeMember = (memberId: string) => apiRequest(`/api/members/${memberId}`, { method: 'DELETE' });
