import { tenantRoute, type Route } from '../http/define-route.ts';
import { pageQuerySchema } from '../http/pagination.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './manage-api-keys.ts';
import { apiKeyPageSchema, apiKeyParamsSchema, createApiKeyInputSchema, createdApiKeySchema } from './schemas.ts';

const tag = 'API keys';

export const apiKeyRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/api-keys',
    tag,
    summary: 'API keys of the workspace, newest first',
    permission: 'apiKeys.manage',
    query: pageQuerySchema,
    response: apiKeyPageSchema,
    handler: ({ query }, ctx) => listApiKeys(query, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/api-keys',
    tag,
    summary: 'Create an API key acting with a role; the key is in this response only',
    description: 'Only signed-in users create keys, so a leaked key cannot mint more.',
    permission: 'apiKeys.manage',
    apiKeys: false,
    body: createApiKeyInputSchema,
    response: createdApiKeySchema,
    successStatus: 201,
    handler: ({ body }, ctx) => createApiKey(body, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/api-keys/:apiKeyId',
    tag,
    summary: 'Revoke an API key (it stops working at once)',
    permission: 'apiKeys.manage',
    params: apiKeyParamsSchema,
    handler: ({ params }, ctx) => revokeApiKey(params.apiKeyId, ctx),
  }),
];
