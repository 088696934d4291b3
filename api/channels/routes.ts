import { tenantRoute, type Route } from '../http/define-route.ts';
import { pageQuerySchema } from '../http/pagination.ts';
import { triggerHealthCheck } from './health-schedule.ts';
import {
  connectChannel,
  deleteChannel,
  getChannel,
  getWebhookSetup,
  listChannels,
  updateChannel,
} from './manage-channels.ts';
import {
  channelPageSchema,
  channelParamsSchema,
  channelSchema,
  channelWebhookSetupSchema,
  connectChannelInputSchema,
  updateChannelInputSchema,
} from './schemas.ts';
import { verifyChannel } from './verify-channel.ts';
import { businessProfileInputSchema, getBusinessProfile, updateBusinessProfile } from './business-profile.ts';
import { businessProfileSchema } from '../whatsapp/graph-schemas.ts';

const tag = 'Channels';

export const channelRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/channels',
    tag,
    summary: 'WhatsApp numbers of the workspace, with their health',
    permission: null,
    query: pageQuerySchema,
    response: channelPageSchema,
    handler: ({ query }, ctx) => listChannels(query, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/channels',
    tag,
    summary: 'Connect a WhatsApp Cloud API number',
    description:
      "Secrets are encrypted at rest and never returned. Then call verify, and point Meta's webhook at `webhookUrl` with the verify token from /webhook-setup.",
    permission: 'channels.manage',
    body: connectChannelInputSchema,
    response: channelSchema,
    successStatus: 201,
    handler: ({ body }, ctx) => connectChannel(body, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/channels/:channelId',
    tag,
    summary: 'One channel',
    permission: null,
    params: channelParamsSchema,
    response: channelSchema,
    handler: ({ params }, ctx) => getChannel(params.channelId, ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/channels/:channelId',
    tag,
    summary: 'Rename a channel or replace its credentials (reconnect)',
    permission: 'channels.manage',
    params: channelParamsSchema,
    body: updateChannelInputSchema,
    response: channelSchema,
    handler: ({ params, body }, ctx) => updateChannel(params.channelId, body, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/channels/:channelId/verify',
    tag,
    summary: "Check the credentials with Meta and fill the number's display name",
    permission: 'channels.manage',
    params: channelParamsSchema,
    response: channelSchema,
    handler: ({ params }, ctx) => verifyChannel(params.channelId, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/channels/:channelId/health-check',
    tag,
    summary: 'Run the health check now (it also runs on a schedule)',
    permission: 'channels.manage',
    params: channelParamsSchema,
    successStatus: 202,
    handler: async ({ params }, ctx) => {
      await getChannel(params.channelId, ctx);
      await triggerHealthCheck(ctx.services.temporal, ctx.services.env, ctx.db.tenantId, params.channelId);
    },
  }),
  tenantRoute({
    method: 'get',
    path: '/api/channels/:channelId/webhook-setup',
    tag,
    summary: "The callback URL and verify token to enter in Meta's webhook settings",
    permission: 'channels.manage',
    apiKeys: false,
    params: channelParamsSchema,
    response: channelWebhookSetupSchema,
    handler: ({ params }, ctx) => getWebhookSetup(params.channelId, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/channels/:channelId/business-profile',
    tag,
    summary: "The number's WhatsApp business profile, as customers see it",
    permission: null,
    params: channelParamsSchema,
    response: businessProfileSchema.shape.data.element,
    handler: ({ params }, ctx) => getBusinessProfile(params.channelId, ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/channels/:channelId/business-profile',
    tag,
    summary: "Change the business profile (only the fields sent change; Meta's limits are checked first)",
    permission: 'channels.manage',
    params: channelParamsSchema,
    body: businessProfileInputSchema,
    response: businessProfileSchema.shape.data.element,
    example: { body: { about: 'We answer within the hour', websites: ['https://example.com'], vertical: 'RETAIL' } },
    handler: ({ params, body }, ctx) => updateBusinessProfile(params.channelId, body, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/channels/:channelId',
    tag,
    summary: 'Remove a channel that has no conversations',
    permission: 'channels.manage',
    params: channelParamsSchema,
    handler: ({ params }, ctx) => deleteChannel(params.channelId, ctx),
  }),
];
