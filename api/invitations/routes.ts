import { sessionSchema } from '../auth/schemas.ts';
import { publicRoute, tenantRoute, type Route } from '../http/define-route.ts';
import { pageQuerySchema } from '../http/pagination.ts';
import { acceptInvitation, previewInvitation } from './accept-invitation.ts';
import { inviteMember, listInvitations, revokeInvitation } from './invite-member.ts';
import {
  acceptInvitationInputSchema,
  createInvitationInputSchema,
  invitationPageSchema,
  invitationParamsSchema,
  invitationPreviewSchema,
  createdInvitationSchema,
  invitationTokenInputSchema,
} from './schemas.ts';

const tag = 'Team';

export const invitationRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/invitations',
    tag,
    summary: 'Invitations not yet accepted (pending, expired or revoked)',
    permission: 'members.view',
    query: pageQuerySchema,
    response: invitationPageSchema,
    handler: ({ query }, ctx) => listInvitations(query, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/invitations',
    tag,
    summary: 'Invite someone by e-mail with a role',
    description: 'The link is e-mailed (or kept in the outbox without SMTP) and returned once here as `inviteUrl`.',
    permission: 'members.manage',
    body: createInvitationInputSchema,
    response: createdInvitationSchema,
    successStatus: 201,
    handler: ({ body }, ctx) => inviteMember(body, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/invitations/:invitationId',
    tag,
    summary: 'Revoke a pending invitation',
    permission: 'members.manage',
    params: invitationParamsSchema,
    handler: ({ params }, ctx) => revokeInvitation(params.invitationId, ctx),
  }),
  publicRoute({
    method: 'post',
    path: '/api/invitations/preview',
    tag,
    summary: 'What an invitation link is for (workspace, role, whether the account exists)',
    body: invitationTokenInputSchema,
    response: invitationPreviewSchema,
    handler: ({ body }, ctx) => previewInvitation(body.token, ctx),
  }),
  publicRoute({
    method: 'post',
    path: '/api/invitations/accept',
    tag,
    summary: 'Accept an invitation and sign in to the workspace',
    body: acceptInvitationInputSchema,
    response: sessionSchema,
    handler: ({ body }, ctx) => acceptInvitation(body, ctx),
  }),
];
