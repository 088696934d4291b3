import { tenantRoute, type Route } from '../http/define-route.ts';
import { pageQuerySchema } from '../http/pagination.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './manage-api-keys.ts';
import {
  apiKeyPageSchema,
  apiKeyParamsSchema,
  apiKeySchema,
  createApiKeyInputSchema,
  createdApiKeySchema,
  updateApiKeyInputSchema,
} from './schemas.ts';
import { updateApiKey } from './update-api-key.ts';

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
    example: {
      body: { name: 'CRM sync', roleId: '0b9e6a8e-8f0e-4a39-9d55-3c1f2f7d4a11', allowedIps: ['203.0.113.0/24'] },
    },
    handler: ({ body }, ctx) => createApiKey(body, ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/api-keys/:apiKeyId',
    tag,
    summary: 'Rename an API key or change its IP allow-list (empty: usable from anywhere)',
    description:
      'A key with an allow-list answers 403 to requests from any other address. The address is the TCP peer, or the X-Forwarded-For client when the server runs with TRUST_PROXY behind a proxy.',
    permission: 'apiKeys.manage',
    apiKeys: false,
    params: apiKeyParamsSchema,
    body: updateApiKeyInputSchema,
    response: apiKeySchema,
    example: { body: { allowedIps: ['203.0.113.7', '2001:db8::/32'] } },
    handler: ({ params, body }, ctx) => updateApiKey(params.apiKeyId, body, ctx),
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
