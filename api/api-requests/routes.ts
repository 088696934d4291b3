import { tenantRoute, type Route } from '../http/define-route.ts';
import { pageQuerySchema } from '../http/pagination.ts';
import { listApiRequests } from './list-api-requests.ts';
import { apiRequestFilterSchema, apiRequestPageSchema } from './schemas.ts';

export const apiRequestRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/api-requests',
    tag: 'Audit log',
    summary: 'Requests made to the API in this workspace (kept 30 days): who, key, route, status, latency',
    description:
      'Every authenticated request by a member or an API key is recorded, including refusals (4xx, 429) and failures. Entries appear within about a second. Filter by `apiKeyId`, `userId`, `method`, `path` (text the route pattern or path contains), `status` (a code such as `429` or a class such as `4xx`), `from` and `to`.',
    permission: 'audit.view',
    query: pageQuerySchema.extend(apiRequestFilterSchema.shape),
    response: apiRequestPageSchema,
    handler: ({ query }, ctx) => listApiRequests(query, ctx),
  }),
];
