import { tenantRoute, type Route } from '../http/define-route.ts';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from './manage-teams.ts';
import {
  addTeamMemberInputSchema,
  createTeamInputSchema,
  teamListSchema,
  teamMemberParamsSchema,
  teamParamsSchema,
  teamSchema,
  updateTeamInputSchema,
  updateTeamMemberInputSchema,
} from './schemas.ts';
import { addTeamMember, removeTeamMember, setMemberSkills } from './team-members.ts';

const tag = 'Teams and routing';

const exampleTeam = {
  id: '6f1c0a52-8c1e-4a53-9a55-1d2f1d0c7b10',
  name: 'Support',
  assignment: 'round_robin',
  requiredSkills: ['english'],
  members: [
    {
      userId: '0b6a9d9e-2f63-4f4e-8d8e-63a1f3b0b0a1',
      name: 'Ana Agent',
      email: 'ana@example.com',
      skills: ['english', 'billing'],
      lastAssignedAt: null,
      addedAt: '2026-12-06T10:00:00.000Z',
    },
  ],
  createdAt: '2026-12-06T10:00:00.000Z',
  updatedAt: '2026-12-06T10:00:00.000Z',
};

export const teamRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/teams',
    tag,
    summary: 'Teams with their members, skills and assignment strategy',
    permission: 'members.view',
    response: teamListSchema,
    example: { response: { items: [exampleTeam] } },
    handler: (_input, ctx) => listTeams(ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/teams',
    tag,
    summary: 'Create a team',
    description:
      'assignment: round_robin (in turn), least_loaded (fewest open conversations) or manual (the team queue only). ' +
      'requiredSkills: skills every conversation of the team needs (docs/routing.md).',
    permission: 'teams.manage',
    body: createTeamInputSchema,
    response: teamSchema,
    successStatus: 201,
    example: {
      body: { name: 'Support', assignment: 'round_robin', requiredSkills: ['english'] },
      response: exampleTeam,
    },
    handler: ({ body }, ctx) => createTeam(body, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/teams/:teamId',
    tag,
    summary: 'One team',
    permission: 'members.view',
    params: teamParamsSchema,
    response: teamSchema,
    handler: ({ params }, ctx) => getTeam(params.teamId, ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/teams/:teamId',
    tag,
    summary: 'Rename a team or change its assignment strategy or required skills',
    permission: 'teams.manage',
    params: teamParamsSchema,
    body: updateTeamInputSchema,
    response: teamSchema,
    example: { body: { assignment: 'least_loaded' } },
    handler: ({ params, body }, ctx) => updateTeam(params.teamId, body, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/teams/:teamId',
    tag,
    summary: 'Delete a team (its conversations keep their agents and leave the team)',
    permission: 'teams.manage',
    params: teamParamsSchema,
    handler: ({ params }, ctx) => deleteTeam(params.teamId, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/teams/:teamId/members',
    tag,
    summary: 'Add a workspace member to a team, with their skills there',
    permission: 'teams.manage',
    params: teamParamsSchema,
    body: addTeamMemberInputSchema,
    response: teamSchema,
    successStatus: 201,
    example: { body: { userId: '0b6a9d9e-2f63-4f4e-8d8e-63a1f3b0b0a1', skills: ['english', 'billing'] } },
    handler: ({ params, body }, ctx) => addTeamMember(params.teamId, body, ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/teams/:teamId/members/:userId',
    tag,
    summary: "Set a team member's skills",
    permission: 'teams.manage',
    params: teamMemberParamsSchema,
    body: updateTeamMemberInputSchema,
    response: teamSchema,
    example: { body: { skills: ['spanish', 'billing'] } },
    handler: ({ params, body }, ctx) => setMemberSkills(params.teamId, params.userId, body.skills, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/teams/:teamId/members/:userId',
    tag,
    summary: 'Remove someone from a team (their conversations stay theirs)',
    permission: 'teams.manage',
    params: teamMemberParamsSchema,
    handler: ({ params }, ctx) => removeTeamMember(params.teamId, params.userId, ctx),
  }),
];
