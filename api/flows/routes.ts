// Chatbot flows: the draft a builder edits, its published versions, and its sessions.
import { tenantRoute, type Route } from '../http/define-route.ts';
import { builderRoutes } from './builder-routes.ts';
import { createFlow } from './create-flow.ts';
import { deleteFlow } from './delete-flow.ts';
import { duplicateFlow } from './duplicate-flow.ts';
import { exportFlow } from './export-flow.ts';
import { getFlow } from './get-flow.ts';
import { importFlow } from './import-flow.ts';
import { listFlows } from './list-flows.ts';
import {
  createFlowInputSchema,
  diagnosticsSchema,
  exportedFlowSchema,
  flowPageSchema,
  flowParamsSchema,
  flowSchema,
  importedFlowSchema,
  importFlowInputSchema,
  listFlowsQuerySchema,
  updateFlowInputSchema,
} from './schemas.ts';
import { sessionRoutes } from './session-routes.ts';
import { updateFlow } from './update-flow.ts';
import { validateFlowDraft } from './validate-flow-draft.ts';
import { versionRoutes } from './version-routes.ts';

export const tag = 'Flows';

const draftRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/flows',
    tag,
    summary: 'Flows with their status (draft, active, inactive), active version and last publish',
    permission: 'flows.view',
    query: listFlowsQuerySchema,
    response: flowPageSchema,
    handler: ({ query }, ctx) => listFlows(query, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/flows',
    tag,
    summary: 'Create a draft flow (a start node alone unless a document is given)',
    permission: 'flows.manage',
    body: createFlowInputSchema,
    response: flowSchema,
    successStatus: 201,
    example: { body: { name: 'Welcome' } },
    handler: ({ body }, ctx) => createFlow(body, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/flows/import',
    tag,
    summary: 'Import an exported document as a new draft (older schemaVersions are migrated)',
    permission: 'flows.manage',
    body: importFlowInputSchema,
    response: importedFlowSchema,
    successStatus: 201,
    handler: ({ body }, ctx) => importFlow(body, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/flows/:flowId',
    tag,
    summary: 'One flow with its draft document and the draft’s diagnostics',
    permission: 'flows.view',
    params: flowParamsSchema,
    response: flowSchema,
    handler: ({ params }, ctx) => getFlow(params.flowId, ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/flows/:flowId',
    tag,
    summary: 'Save the draft (name, description, document)',
    description:
      'A document that breaks the schema is a 400 naming its path (`document.nodes.2.data.text`). Semantic problems come back in `diagnostics` and are saved: drafts may be incomplete; only publishing refuses errors.',
    permission: 'flows.manage',
    params: flowParamsSchema,
    body: updateFlowInputSchema,
    response: flowSchema,
    handler: ({ params, body }, ctx) => updateFlow(params.flowId, body, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/flows/:flowId',
    tag,
    summary: 'Delete a flow with its versions and history (409 while a session is in progress)',
    permission: 'flows.manage',
    params: flowParamsSchema,
    handler: ({ params }, ctx) => deleteFlow(params.flowId, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/flows/:flowId/validate',
    tag,
    summary: 'Diagnostics of the saved draft (errors block publishing)',
    permission: 'flows.view',
    params: flowParamsSchema,
    response: diagnosticsSchema,
    handler: ({ params }, ctx) => validateFlowDraft(params.flowId, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/flows/:flowId/duplicate',
    tag,
    summary: 'Copy the draft into a new draft flow',
    permission: 'flows.manage',
    params: flowParamsSchema,
    response: flowSchema,
    successStatus: 201,
    handler: ({ params }, ctx) => duplicateFlow(params.flowId, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/flows/:flowId/export',
    tag,
    summary: 'The draft as a portable JSON document (with its schemaVersion)',
    permission: 'flows.view',
    params: flowParamsSchema,
    response: exportedFlowSchema,
    handler: ({ params }, ctx) => exportFlow(params.flowId, ctx),
  }),
];

export const flowRoutes: Route[] = [...draftRoutes, ...versionRoutes, ...sessionRoutes, ...builderRoutes];
