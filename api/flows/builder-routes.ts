// What the visual builder needs beyond the draft: analytics painted on the canvas.
import { tenantRoute, type Route } from '../http/define-route.ts';
import { flowAnalyticsQuerySchema, flowAnalyticsSchema } from './analytics-schemas.ts';
import { getFlowAnalytics } from './get-flow-analytics.ts';
import { flowParamsSchema } from './schemas.ts';

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
];
