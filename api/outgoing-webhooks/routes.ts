// The outgoing-webhook routes (docs/webhooks.md): subscriptions, their delivery log, replays and
// stats. All need webhooks.manage; API keys with it may call them.
import { tenantRoute, type Route } from '../http/define-route.ts';
import { getDelivery, listDeliveries } from './deliveries.ts';
import {
  exampleDelivery,
  exampleDeliveryDetail,
  exampleStats,
  exampleSubscription,
  exampleSubscriptionInput,
} from './examples.ts';
import { createSubscription, deleteSubscription, rotateSecret, updateSubscription } from './manage-subscriptions.ts';
import { replayDelivery } from './replay-delivery.ts';
import {
  createWebhookSubscriptionInputSchema,
  listWebhookDeliveriesQuerySchema,
  updateWebhookSubscriptionInputSchema,
  webhookDeliveryDetailSchema,
  webhookDeliveryPageSchema,
  webhookDeliveryParamsSchema,
  webhookDeliveryRefSchema,
  webhookSubscriptionListSchema,
  webhookSubscriptionParamsSchema,
  webhookSubscriptionSchema,
  webhookSubscriptionStatsSchema,
  webhookSubscriptionWithSecretSchema,
} from './schemas.ts';
import { sendTestEvent } from './send-test-event.ts';
import { getSubscription, listSubscriptions } from './subscription-view.ts';
import { subscriptionStats } from './subscription-stats.ts';

const tag = 'Webhooks';
const permission = 'webhooks.manage' as const;
const params = webhookSubscriptionParamsSchema;
const withSecret = { ...exampleSubscription, secret: 'whsec_0nlySh0wnOnce0nlySh0wnOnce0nlySh0wnOnce' };
const urlRule =
  'The `url` must be http(s) and may not point at a private, loopback or link-local address unless the operator allows it (400 naming `url`).';

export const outgoingWebhookRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/webhook-subscriptions',
    tag,
    summary: 'Webhook subscriptions, newest first',
    permission,
    response: webhookSubscriptionListSchema,
    example: { response: { items: [exampleSubscription] } },
    handler: (_input, ctx) => listSubscriptions(ctx.db),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/webhook-subscriptions',
    tag,
    summary: 'Subscribe a URL to events; the signing secret is in this answer only',
    description: `${urlRule} Deliveries are signed with the secret (Parley-Signature, docs/webhooks.md) and retried by \`retryPolicy\` (defaults: 8 attempts, 10 s then ×3, capped at 1 h, ±20% jitter, 10 s timeout).`,
    permission,
    body: createWebhookSubscriptionInputSchema,
    response: webhookSubscriptionWithSecretSchema,
    successStatus: 201,
    example: { body: exampleSubscriptionInput, response: withSecret },
    handler: ({ body }, ctx) => createSubscription(body, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/webhook-subscriptions/:subscriptionId',
    tag,
    summary: 'One webhook subscription (without its secret)',
    permission,
    params,
    response: webhookSubscriptionSchema,
    example: { response: exampleSubscription },
    handler: ({ params }, ctx) => getSubscription(ctx.db, params.subscriptionId),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/webhook-subscriptions/:subscriptionId',
    tag,
    summary: 'Change a subscription; `isEnabled: true` re-enables it and resets its failure streak',
    description: urlRule,
    permission,
    params,
    body: updateWebhookSubscriptionInputSchema,
    response: webhookSubscriptionSchema,
    example: { body: { isEnabled: true, retryPolicy: { maxAttempts: 5 } }, response: exampleSubscription },
    handler: ({ params, body }, ctx) => updateSubscription(params.subscriptionId, body, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/webhook-subscriptions/:subscriptionId',
    tag,
    summary: 'Delete a subscription and its delivery log',
    permission,
    params,
    handler: ({ params }, ctx) => deleteSubscription(params.subscriptionId, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/webhook-subscriptions/:subscriptionId/rotate-secret',
    tag,
    summary: 'Replace the signing secret; the new one is in this answer only',
    permission,
    params,
    response: webhookSubscriptionWithSecretSchema,
    example: { response: withSecret },
    handler: ({ params }, ctx) => rotateSecret(params.subscriptionId, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/webhook-subscriptions/:subscriptionId/test',
    tag,
    summary: 'Send a webhook.test event through the normal delivery (log, signature, retries)',
    description: 'A disabled subscription answers 409 naming `isEnabled`.',
    permission,
    params,
    response: webhookDeliveryRefSchema,
    successStatus: 202,
    example: { response: { deliveryId: exampleDelivery.id } },
    handler: ({ params }, ctx) => sendTestEvent(params.subscriptionId, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/webhook-subscriptions/:subscriptionId/stats',
    tag,
    summary: 'Deliveries by status, success rate and mean latency over the last 24 hours and 7 days',
    permission,
    params,
    response: webhookSubscriptionStatsSchema,
    example: { response: exampleStats },
    handler: ({ params }, ctx) => subscriptionStats(ctx.db, params.subscriptionId),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/webhook-subscriptions/:subscriptionId/deliveries',
    tag,
    summary: "A subscription's deliveries, newest first, by status",
    permission,
    params,
    query: listWebhookDeliveriesQuerySchema,
    response: webhookDeliveryPageSchema,
    example: { response: { items: [exampleDelivery], nextCursor: null } },
    handler: ({ params, query }, ctx) => listDeliveries(ctx.db, params.subscriptionId, query),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/webhook-deliveries/:deliveryId',
    tag,
    summary:
      'One delivery with the envelope it sends and every attempt (headers, status, body excerpt, error, latency)',
    permission,
    params: webhookDeliveryParamsSchema,
    response: webhookDeliveryDetailSchema,
    example: { response: exampleDeliveryDetail },
    handler: ({ params }, ctx) => getDelivery(ctx.db, params.deliveryId),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/webhook-deliveries/:deliveryId/replay',
    tag,
    summary: 'Send a dead or succeeded delivery again (same event id, new attempts)',
    description: 'A delivery still pending or retrying answers 409 naming `status`.',
    permission,
    params: webhookDeliveryParamsSchema,
    response: webhookDeliveryRefSchema,
    successStatus: 202,
    example: { response: { deliveryId: exampleDelivery.id } },
    handler: ({ params }, ctx) => replayDelivery(params.deliveryId, ctx),
  }),
];
