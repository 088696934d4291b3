// What the visual builder needs beyond the draft: analytics painted on the canvas, and the HTTP
// node inspector's "send test request".
import { outboundPolicy } from '#lib/outbound-http';
import { tenantRoute, type Route } from '../http/define-route.ts';
import { flowAnalyticsQuerySchema, flowAnalyticsSchema } from './analytics-schemas.ts';
import { getFlowAnalytics } from './get-flow-analytics.ts';
import { flowParamsSchema } from './schemas.ts';
import { sendTestRequest } from './send-test-request.ts';
import { testRequestInputSchema, testRequestResultSchema } from './test-request-schemas.ts';

const tag = 'Flows';

export const builderRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/flows/:flowId/analytics',
    tag,
    summary: 'Sessions and per-node counts of a published version (default: the active one)',
    description:
      'Only real sessions of that version count (no test runs). Per node: `entered` step events, `exited` those that left, `dropped` sessions that ended there timed out, failed or cancelled, `averageMs` the mean time of those that left. A flow never published answers `version: null` with zeros; an unknown `version` is a 404.',
    permission: 'flows.view',
    params: flowParamsSchema,
    query: flowAnalyticsQuerySchema,
    response: flowAnalyticsSchema,
    handler: ({ params, query }, ctx) => getFlowAnalytics(params.flowId, query, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/flows/test-request',
    tag,
    summary: 'Send an HTTP node’s request once from the server and return the answer and the mapped values',
    description:
      'The node’s fields plus `variables` for its `{{vars.x}}` templates, rendered and sent exactly as a session would (same escaping, timeout, 1 MB cap; bodies over 64 KB come back as null). Any HTTP status is `ok: true`; no answer (timeout, DNS, refused) is `ok: false` with `error`. A URL that is not absolute http(s) once filled in, or that reaches a private address the operator does not allow (docs/webhooks.md, SSRF guard), is a 400 naming `url`.',
    permission: 'flows.manage',
    body: testRequestInputSchema,
    response: testRequestResultSchema,
    example: {
      body: {
        method: 'GET',
        url: 'https://api.example.com/orders/{{vars.order_id}}',
        headers: [{ name: 'Authorization', value: 'Bearer {{vars.token}}' }],
        body: '',
        timeoutSeconds: 10,
        responseMapping: [{ variable: 'order_status', path: 'data.status' }],
        variables: { order_id: 'A-17', token: 'test-token' },
      },
      response: {
        ok: true,
        status: 200,
        durationMs: 84,
        body: { data: { status: 'shipped' } },
        mapped: { order_status: 'shipped' },
      },
    },
    handler: ({ body }, ctx) => sendTestRequest(body, outboundPolicy(ctx.services.env)),
  }),
];
