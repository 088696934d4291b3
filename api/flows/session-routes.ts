// Running flows: from the API, in the test panel, and the sessions that result.
import { tenantRoute, type Route } from '../http/define-route.ts';
import { cancelFlowSession } from './cancel-flow-session.ts';
import { listFlowSessions } from './list-flow-sessions.ts';
import { runFlow } from './run-flow.ts';
import { flowParamsSchema, flowSessionParamsSchema } from './schemas.ts';
import {
  flowSessionPageSchema,
  listFlowSessionsQuerySchema,
  runFlowInputSchema,
  startedSessionSchema,
  testFlowInputSchema,
  testRunResultSchema,
} from './session-schemas.ts';
import { testFlow } from './test-run/test-flow.ts';

const tag = 'Flows';

export const sessionRoutes: Route[] = [
  tenantRoute({
    method: 'post',
    path: '/api/flows/:flowId/run',
    tag,
    summary: 'Start the active version for a contact on a channel',
    description:
      'Give `contactId` or `phone` (the contact is created). 409 when the contact already has a session on the channel, unless `replace: true` cancels it. Answers 202: the session runs on its own.',
    permission: 'flows.manage',
    params: flowParamsSchema,
    body: runFlowInputSchema,
    response: startedSessionSchema,
    successStatus: 202,
    example: {
      body: {
        channelId: '8f0c6f1e-5a3b-4c2d-9e8f-0123456789ab',
        phone: '+14155550123',
        variables: { order_id: 'A-1' },
      },
    },
    handler: ({ params, body }, ctx) => runFlow(params.flowId, body, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/flows/:flowId/test',
    tag,
    summary: 'Run the draft against a simulated customer on the Sandbox number and return what happened',
    description:
      'A fresh simulated customer types `inputs` one by one, each once the bot waits. Answers when the session ends, waits with no inputs left, or at `timeoutSeconds` (≤ 60). 422 with diagnostics when the draft has errors; 409 without a Sandbox channel.',
    permission: 'flows.manage',
    params: flowParamsSchema,
    body: testFlowInputSchema,
    response: testRunResultSchema,
    handler: ({ params, body }, ctx) => testFlow(params.flowId, body, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/flows/:flowId/sessions',
    tag,
    summary: 'Sessions of a flow, newest first, with their status and current node',
    permission: 'flows.view',
    params: flowParamsSchema,
    query: listFlowSessionsQuerySchema,
    response: flowSessionPageSchema,
    handler: ({ params, query }, ctx) => listFlowSessions(params.flowId, query, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/flows/sessions/:sessionId/cancel',
    tag,
    summary: 'Cancel a session in progress (409 once it has ended)',
    permission: 'flows.manage',
    params: flowSessionParamsSchema,
    handler: ({ params }, ctx) => cancelFlowSession(params.sessionId, ctx),
  }),
];
