import { tenantRoute, type Route } from '../http/define-route.ts';
import { listCannedCategories, listCannedResponses } from './list-canned-responses.ts';
import { createCannedResponse, deleteCannedResponse, updateCannedResponse } from './manage-canned-responses.ts';
import { renderCannedResponse } from './render-canned-response.ts';
import {
  cannedCategoriesSchema,
  cannedResponsePageSchema,
  cannedResponseParamsSchema,
  cannedResponseSchema,
  createCannedResponseInputSchema,
  listCannedResponsesQuerySchema,
  renderCannedResponseInputSchema,
  renderedCannedResponseSchema,
  updateCannedResponseInputSchema,
} from './schemas.ts';

const tag = 'Canned responses';
// Using and managing one's own responses is part of replying; shared ones are checked per row.
const permission = 'inbox.reply' as const;

export const cannedResponseRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/canned-responses',
    tag,
    summary: 'Shared canned responses and my own, most used first',
    permission,
    query: listCannedResponsesQuerySchema,
    response: cannedResponsePageSchema,
    handler: ({ query }, ctx) => listCannedResponses(query, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/canned-responses/categories',
    tag,
    summary: 'Categories in use',
    permission,
    response: cannedCategoriesSchema,
    handler: (_input, ctx) => listCannedCategories(ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/canned-responses',
    tag,
    summary: 'Create a canned response (shared ones need canned.manage)',
    description:
      'Variables in the body: {{contact.name}}, {{contact.phone}}, {{contact.fields.<key>}}, {{agent.name}}, with an optional fallback: {{contact.name | "there"}}. A shortcut already used in the same scope answers 409 naming `shortcut`.',
    permission,
    body: createCannedResponseInputSchema,
    response: cannedResponseSchema,
    successStatus: 201,
    example: {
      body: {
        scope: 'shared',
        shortcut: 'hello',
        title: 'Greeting',
        body: 'Hi {{contact.name | "there"}}, {{agent.name}} here.',
      },
    },
    handler: ({ body }, ctx) => createCannedResponse(body, ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/canned-responses/:cannedResponseId',
    tag,
    summary: 'Edit a canned response (my own, or a shared one with canned.manage)',
    permission,
    params: cannedResponseParamsSchema,
    body: updateCannedResponseInputSchema,
    response: cannedResponseSchema,
    example: { body: { title: 'Refund policy (2026)' } },
    handler: ({ params, body }, ctx) => updateCannedResponse(params.cannedResponseId, body, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/canned-responses/:cannedResponseId',
    tag,
    summary: 'Delete a canned response (my own, or a shared one with canned.manage)',
    permission,
    params: cannedResponseParamsSchema,
    handler: ({ params }, ctx) => deleteCannedResponse(params.cannedResponseId, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/canned-responses/:cannedResponseId/render',
    tag,
    summary: "The response's text for a conversation, variables filled in; counts one use",
    permission,
    params: cannedResponseParamsSchema,
    body: renderCannedResponseInputSchema,
    response: renderedCannedResponseSchema,
    handler: ({ params, body }, ctx) => renderCannedResponse(params.cannedResponseId, body, ctx),
  }),
];
