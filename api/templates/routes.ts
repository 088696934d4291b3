import { z } from 'zod';
import { tenantRoute, type Route } from '../http/define-route.ts';
import { getTemplate, listTemplates } from './list-templates.ts';
import { createTemplate, deleteTemplate, submitTemplate, updateTemplate } from './manage-templates.ts';
import { validateTemplateInput } from './check-template.ts';
import { syncTemplatesNow } from './sync-templates.ts';
import {
  listTemplatesQuerySchema,
  syncResultSchema,
  syncTemplatesQuerySchema,
  templateDraftInputSchema,
  templatePageSchema,
  templateParamsSchema,
  templateSchema,
  updateTemplateInputSchema,
  validationResultSchema,
} from './schemas.ts';

const tag = 'Templates';

const example = {
  channelId: '00000000-0000-4000-8000-000000000000',
  name: 'order_update',
  language: 'en',
  category: 'utility',
  parameterFormat: 'positional',
  definition: {
    header: { format: 'text', text: 'Order {{1}}', examples: { '1': '#1042' } },
    body: { text: 'Hi {{1}}, your order {{2}} is on its way.', examples: { '1': 'Ana', '2': '#1042' } },
    footer: { text: 'Reply STOP to opt out' },
    buttons: [{ type: 'url', text: 'Track order', url: 'https://shop.example/track/{{1}}', example: '1042' }],
  },
};

export const templateRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/templates',
    tag,
    summary: 'Message templates, most recently changed first',
    permission: 'templates.view',
    query: listTemplatesQuerySchema,
    response: templatePageSchema,
    handler: ({ query }, ctx) => listTemplates(query, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/templates/validate',
    tag,
    summary: "Check a template against WhatsApp's rules (nothing is saved)",
    description: 'Answers every issue with its field, and the character and variable counts the editor shows.',
    permission: 'templates.view',
    body: templateDraftInputSchema.omit({ channelId: true }),
    response: validationResultSchema,
    handler: ({ body }, ctx) => validateTemplateInput(body, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/templates/sync',
    tag,
    summary: 'Reconcile with WhatsApp now: statuses, and templates that exist only at WhatsApp',
    permission: 'templates.manage',
    query: syncTemplatesQuerySchema,
    response: syncResultSchema,
    handler: ({ query }, ctx) => syncTemplatesNow(query.channelId, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/templates/:templateId',
    tag,
    summary: 'One template',
    permission: 'templates.view',
    params: templateParamsSchema,
    response: templateSchema,
    handler: ({ params }, ctx) => getTemplate(params.templateId, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/templates',
    tag,
    summary: 'Create a draft template',
    description:
      'A draft may be incomplete; its name (lowercase letters, digits, _), language and category must be valid. A (channel, name, language) already used is a 409 naming `name`.',
    permission: 'templates.manage',
    body: templateDraftInputSchema,
    response: templateSchema,
    successStatus: 201,
    example: { body: example },
    handler: ({ body }, ctx) => createTemplate(body, ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/templates/:templateId',
    tag,
    summary: 'Edit a draft, or an approved, rejected or paused template (sent to WhatsApp for review again)',
    permission: 'templates.manage',
    params: templateParamsSchema,
    body: updateTemplateInputSchema,
    response: templateSchema,
    handler: ({ params, body }, ctx) => updateTemplate(params.templateId, body, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/templates/:templateId/submit',
    tag,
    summary: 'Submit a draft (or a rejected template) to WhatsApp for review',
    description:
      "Every rule is checked first (422 listing each field). WhatsApp's refusals are 422 with its message; WhatsApp unreachable or refusing the channel's credentials is 502.",
    permission: 'templates.manage',
    params: templateParamsSchema,
    body: z.object({}).optional(),
    response: templateSchema,
    handler: ({ params }, ctx) => submitTemplate(params.templateId, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/templates/:templateId',
    tag,
    summary: 'Delete a template, at WhatsApp too when it was submitted',
    permission: 'templates.manage',
    params: templateParamsSchema,
    handler: ({ params }, ctx) => deleteTemplate(params.templateId, ctx),
  }),
];
