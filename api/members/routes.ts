import { tenantRoute, type Route } from '../http/define-route.ts';
import { pageQuerySchema } from '../http/pagination.ts';
import { changeMemberRole, listMembers, removeMember } from './manage-members.ts';
import { memberPageSchema, memberParamsSchema, memberSchema, updateMemberInputSchema } from './schemas.ts';

const tag = 'Team';

export const memberRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/members',
    tag,
    summary: 'Members of the workspace with their roles',
    permission: 'members.view',
    query: pageQuerySchema,
    response: memberPageSchema,
    handler: ({ query }, ctx) => listMembers(query, ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/members/:memberId',
    tag,
    summary: "Change a member's role",
    permission: 'members.manage',
    params: memberParamsSchema,
    body: updateMemberInputSchema,
    response: memberSchema,
    handler: ({ params, body }, ctx) => changeMemberRole(params.memberId, body.roleId, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/members/:memberId',
    tag,
    summary: 'Remove a member from the workspace (their access ends at once)',
    permission: 'members.manage',
    params: memberParamsSchema,
    handler: ({ params }, ctx) => removeMember(params.memberId, ctx),
  }),
];
