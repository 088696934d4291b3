import { getChannel } from '../channels/manage-channels.ts';
import { tenantRoute, type Route } from '../http/define-route.ts';
import { callSandbox, sandboxNumberOf } from './sandbox-proxy.ts';
import {
  createSandboxCustomerInputSchema,
  sandboxCustomerListSchema,
  sandboxCustomerMessageInputSchema,
  sandboxCustomerParamsSchema,
  sandboxCustomerSchema,
  sandboxMessageSchema,
  sandboxReadResultSchema,
  sandboxStatusSchema,
  sandboxThreadSchema,
} from './schemas.ts';

const tag = 'Sandbox';

export const sandboxRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/sandbox',
    tag,
    summary: 'Whether the sandbox runs here, and the Sandbox channel',
    permission: null,
    response: sandboxStatusSchema,
    handler: async (_input, ctx) => {
      if (!ctx.services.sandbox) {
        return { enabled: false, channel: null };
      }
      const { channelId } = await sandboxNumberOf(ctx);
      return { enabled: true, channel: await getChannel(channelId, ctx) };
    },
  }),
  tenantRoute({
    method: 'get',
    path: '/api/sandbox/customers',
    tag,
    summary: 'Simulated customers of the Sandbox number',
    permission: null,
    response: sandboxCustomerListSchema,
    handler: (_input, ctx) => callSandbox(ctx, sandboxCustomerListSchema, 'GET', '/customers'),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/sandbox/customers',
    tag,
    summary: 'Create a simulated customer',
    permission: null,
    body: createSandboxCustomerInputSchema,
    response: sandboxCustomerSchema,
    successStatus: 201,
    handler: ({ body }, ctx) => callSandbox(ctx, sandboxCustomerSchema, 'POST', '/customers', body),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/sandbox/customers/:waId/messages',
    tag,
    summary: "A simulated customer's chat, as their phone shows it",
    permission: null,
    params: sandboxCustomerParamsSchema,
    response: sandboxThreadSchema,
    handler: ({ params }, ctx) => callSandbox(ctx, sandboxThreadSchema, 'GET', `/customers/${params.waId}/messages`),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/sandbox/customers/:waId/messages',
    tag,
    summary: 'Send a message as the simulated customer (text, media, location, button and list replies…)',
    description:
      "Media go as base64 `{ data, mimeType, filename?, caption? }`, up to WhatsApp's size for the type (5 MB for images).",
    permission: null,
    params: sandboxCustomerParamsSchema,
    body: sandboxCustomerMessageInputSchema,
    response: sandboxMessageSchema,
    successStatus: 201,
    handler: ({ params, body }, ctx) =>
      callSandbox(ctx, sandboxMessageSchema, 'POST', `/customers/${params.waId}/messages`, body),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/sandbox/customers/:waId/read',
    tag,
    summary: 'The simulated customer reads the chat (read receipts go to Parley)',
    permission: null,
    params: sandboxCustomerParamsSchema,
    response: sandboxReadResultSchema,
    handler: ({ params }, ctx) => callSandbox(ctx, sandboxReadResultSchema, 'POST', `/customers/${params.waId}/read`),
  }),
];
