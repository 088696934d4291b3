import { tenantRoute, type Route } from '../http/define-route.ts';
import { pageQuerySchema } from '../http/pagination.ts';
import { createIntegration, deleteIntegration, listIntegrations, updateIntegration } from './manage-integrations.ts';
import {
  createIntegrationInputSchema,
  integrationPageSchema,
  integrationParamsSchema,
  integrationSchema,
  updateIntegrationInputSchema,
} from './schemas.ts';

const tag = 'Integrations';

export const integrationRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/integrations',
    tag,
    summary: 'Services flows can call (Google Sheets, AI), newest first; credentials are never returned',
    permission: 'flows.view',
    query: pageQuerySchema,
    response: integrationPageSchema,
    handler: ({ query }, ctx) => listIntegrations(query, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/integrations',
    tag,
    summary: 'Add an integration; its credentials are encrypted and cannot be read back',
    description:
      'google_sheets: credentials { accessToken } or { serviceAccount: <service-account key JSON> }. ' +
      'ai: credentials { apiKey }, settings { baseUrl, model } of an OpenAI-compatible API.',
    permission: 'flows.manage',
    body: createIntegrationInputSchema,
    response: integrationSchema,
    successStatus: 201,
    example: {
      body: {
        kind: 'ai',
        name: 'OpenAI',
        credentials: { apiKey: 'sk-your-provider-key' },
        settings: { baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' },
      },
    },
    handler: ({ body }, ctx) => createIntegration(body, ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/integrations/:integrationId',
    tag,
    summary: 'Rename an integration or replace its settings or credentials',
    permission: 'flows.manage',
    params: integrationParamsSchema,
    body: updateIntegrationInputSchema,
    response: integrationSchema,
    handler: ({ params, body }, ctx) => updateIntegration(params.integrationId, body, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/integrations/:integrationId',
    tag,
    summary: 'Remove an integration (flow nodes using it fail until another is added)',
    permission: 'flows.manage',
    params: integrationParamsSchema,
    handler: ({ params }, ctx) => deleteIntegration(params.integrationId, ctx),
  }),
];
