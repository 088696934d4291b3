// Publishing and what follows it: versions, rollback, the on/off switch.
import { tenantRoute, type Route } from '../http/define-route.ts';
import { getFlowVersion, listFlowVersions } from './list-flow-versions.ts';
import { publishFlow } from './publish-flow.ts';
import { rollbackFlow } from './rollback-flow.ts';
import {
  flowParamsSchema,
  flowSchema,
  flowVersionListSchema,
  flowVersionParamsSchema,
  flowVersionSchema,
  publishFlowInputSchema,
  rollbackFlowInputSchema,
} from './schemas.ts';
import { setFlowActive } from './set-flow-active.ts';

const tag = 'Flows';

export const versionRoutes: Route[] = [
  tenantRoute({
    method: 'post',
    path: '/api/flows/:flowId/publish',
    tag,
    summary: 'Publish the draft as version n+1 and make it the active version',
    description:
      'Refused with 422 and `details.diagnostics` while the draft has errors. Sessions in progress keep the version they started with. The body is optional: `{ note }` (at most 500 characters) describes the version in the version list.',
    permission: 'flows.manage',
    params: flowParamsSchema,
    body: publishFlowInputSchema,
    response: flowSchema,
    example: { body: { note: 'Asks for the order number before handing off' } },
    handler: ({ params, body }, ctx) => publishFlow(params.flowId, ctx, body),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/flows/:flowId/versions',
    tag,
    summary: 'Published versions, newest first',
    permission: 'flows.view',
    params: flowParamsSchema,
    response: flowVersionListSchema,
    handler: ({ params }, ctx) => listFlowVersions(params.flowId, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/flows/:flowId/versions/:version',
    tag,
    summary: 'One published version with its document and compiled program',
    permission: 'flows.view',
    params: flowVersionParamsSchema,
    response: flowVersionSchema,
    handler: ({ params }, ctx) => getFlowVersion(params.flowId, params.version, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/flows/:flowId/rollback',
    tag,
    summary: 'Make an older published version the active one again',
    description:
      'No new version is created: the flow points back at the old one, so new sessions run exactly its program. The draft is not touched.',
    permission: 'flows.manage',
    params: flowParamsSchema,
    body: rollbackFlowInputSchema,
    response: flowSchema,
    handler: ({ params, body }, ctx) => rollbackFlow(params.flowId, body.version, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/flows/:flowId/activate',
    tag,
    summary: 'Let the trigger start the active version again (409 if never published)',
    permission: 'flows.manage',
    params: flowParamsSchema,
    response: flowSchema,
    handler: ({ params }, ctx) => setFlowActive(params.flowId, true, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/flows/:flowId/deactivate',
    tag,
    summary: 'Stop the trigger from starting new sessions (sessions in progress carry on)',
    permission: 'flows.manage',
    params: flowParamsSchema,
    response: flowSchema,
    handler: ({ params }, ctx) => setFlowActive(params.flowId, false, ctx),
  }),
];
