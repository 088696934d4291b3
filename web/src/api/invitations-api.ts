import {
  invitationPageSchema,
  createdInvitationSchema,
  type CreateInvitationInput,
  type Invitation,
} from '#api/invitations/schemas';
import { apiRequest } from './client.ts';
import { usePagedList } from './use-paged-list.ts';

export const invitationsKey = ['invitations'];

export function useInvitations() {
  return usePagedList<Invitation>(invitationsKey, (cursor) =>
    apiRequest('/api/invitations', { query: { limit: 25, cursor }, schema: invitationPageSchema }),
  );
}

export const createInvitation = (body: CreateInvitationInput) =>
  apiRequest('/api/invitations', { method: 'POST', body, schema: createdInvitationSchema });

export const revokeInvitation = (invitationId: string) =>
  apiRequest(`/api/invitations/${invitationId}`, { method: 'DELETE' });
