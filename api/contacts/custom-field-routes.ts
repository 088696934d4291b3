import { tenantRoute, type Route } from '../http/define-route.ts';
import { customFieldInputSchema, customFieldUpdateSchema } from './custom-field-schemas.ts';
import { createCustomField, deleteCustomField, listCustomFields, updateCustomField } from './manage-custom-fields.ts';
import {
  customFieldListSchema,
  customFieldParamsSchema,
  customFieldSchema,
  deleteCustomFieldQuerySchema,
  deleteCustomFieldResultSchema,
} from './schemas.ts';

const tag = 'Custom fields';

export const customFieldRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/custom-fields',
    tag,
    summary: "The workspace's custom contact fields, in order",
    permission: 'contacts.view',
    response: customFieldListSchema,
    handler: (_input, ctx) => listCustomFields(ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/custom-fields',
    tag,
    summary: 'Create a custom field (at most 100; at most 3 shown to agents)',
    permission: 'contacts.manage',
    body: customFieldInputSchema,
    response: customFieldSchema,
    successStatus: 201,
    example: { body: { key: 'plan', label: 'Plan', type: 'dropdown', options: ['free', 'gold'], agentVisible: true } },
    handler: ({ body }, ctx) => createCustomField(body, ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/custom-fields/:fieldId',
    tag,
    summary: 'Rename or change a field (the key and type stay, so values are kept)',
    permission: 'contacts.manage',
    params: customFieldParamsSchema,
    body: customFieldUpdateSchema,
    response: customFieldSchema,
    handler: ({ params, body }, ctx) => updateCustomField(params.fieldId, body, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/custom-fields/:fieldId',
    tag,
    summary: 'Delete a field and its values on every contact (?confirm=<key>; audited)',
    permission: 'contacts.manage',
    params: customFieldParamsSchema,
    query: deleteCustomFieldQuerySchema,
    response: deleteCustomFieldResultSchema,
    handler: ({ params, query }, ctx) => deleteCustomField(params.fieldId, query.confirm, ctx),
  }),
];
