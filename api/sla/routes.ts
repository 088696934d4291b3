import { tenantRoute, type Route } from '../http/define-route.ts';
import { createSlaPolicy, deleteSlaPolicy, listSlaPolicies, updateSlaPolicy } from './manage-sla-policies.ts';
import {
  createSlaPolicyInputSchema,
  slaPolicyListSchema,
  slaPolicyParamsSchema,
  slaPolicySchema,
  updateSlaPolicyInputSchema,
} from './schemas.ts';

const tag = 'Teams and routing';

export const slaRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/sla-policies',
    tag,
    summary: 'SLA policies: first-response and resolution targets per priority',
    permission: 'inbox.view',
    response: slaPolicyListSchema,
    handler: (_input, ctx) => listSlaPolicies(ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/sla-policies',
    tag,
    summary: "Set targets for one priority's conversations",
    description:
      'Targets are seconds from when a conversation opens or reopens. They apply to conversations that open, reopen ' +
      'or change priority from now on. A breach notifies the agent (else the team) once (docs/routing.md).',
    permission: 'teams.manage',
    body: createSlaPolicyInputSchema,
    response: slaPolicySchema,
    successStatus: 201,
    example: { body: { priority: 'high', firstResponseSeconds: 900, resolutionSeconds: 14_400 } },
    handler: ({ body }, ctx) => createSlaPolicy(body, ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/sla-policies/:policyId',
    tag,
    summary: "Change a policy's targets (null removes one)",
    permission: 'teams.manage',
    params: slaPolicyParamsSchema,
    body: updateSlaPolicyInputSchema,
    response: slaPolicySchema,
    example: { body: { firstResponseSeconds: 600 } },
    handler: ({ params, body }, ctx) => updateSlaPolicy(params.policyId, body, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/sla-policies/:policyId',
    tag,
    summary: 'Delete a policy',
    permission: 'teams.manage',
    params: slaPolicyParamsSchema,
    handler: ({ params }, ctx) => deleteSlaPolicy(params.policyId, ctx),
  }),
];
