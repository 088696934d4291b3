// Outgoing webhooks as the API accepts and returns them (docs/webhooks.md). Shared with web/:
// imports only zod and other schema modules.
//
// Routes (all webhooks.manage; API keys allowed):
//   GET    /api/webhook-subscriptions                                   list
//   POST   /api/webhook-subscriptions                                   create (the secret is shown once)
//   GET    /api/webhook-subscriptions/:subscriptionId                   one
//   PATCH  /api/webhook-subscriptions/:subscriptionId                   update (isEnabled: true resets the streak)
//   DELETE /api/webhook-subscriptions/:subscriptionId                   delete
//   POST   /api/webhook-subscriptions/:subscriptionId/rotate-secret     new secret, shown once
//   POST   /api/webhook-subscriptions/:subscriptionId/test              send a webhook.test event
//   GET    /api/webhook-subscriptions/:subscriptionId/stats             last 24 h and 7 days
//   GET    /api/webhook-subscriptions/:subscriptionId/deliveries?status=&cursor=&limit=
//   GET    /api/webhook-deliveries/:deliveryId                          with its attempts
//   POST   /api/webhook-deliveries/:deliveryId/replay                   dead or succeeded ones
import { z } from 'zod';
import { dateTimeSchema, idParamSchema, pageQuerySchema, pageSchema } from '../common/schemas.ts';
import { SUBSCRIBABLE_EVENT_TYPES, type EventType } from '../events/schemas.ts';

/** How a subscription's deliveries are retried; every field has a default. */
export const retryPolicySchema = z.object({
  /** Attempts per delivery, the first included */
  maxAttempts: z.number().int().min(1).max(20).default(8),
  initialIntervalMs: z.number().int().min(100).max(3_600_000).default(10_000),
  backoffCoefficient: z.number().min(1).max(10).default(3),
  maxIntervalMs: z.number().int().min(100).max(86_400_000).default(3_600_000),
  /** Each wait is spread by up to ± this fraction, so receivers coming back are not stampeded */
  jitter: z.number().min(0).max(1).default(0.2),
  /** One attempt's time limit */
  timeoutMs: z.number().int().min(1_000).max(30_000).default(10_000),
});
export type RetryPolicy = z.infer<typeof retryPolicySchema>;
export const DEFAULT_RETRY_POLICY: RetryPolicy = retryPolicySchema.parse({});

export const DELIVERY_STATUSES = ['pending', 'delivering', 'succeeded', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const subscribableEventTypeSchema = z.enum(SUBSCRIBABLE_EVENT_TYPES as [EventType, ...EventType[]]);

export const webhookSubscriptionParamsSchema = idParamSchema('subscriptionId');
export const webhookDeliveryParamsSchema = idParamSchema('deliveryId');

export const createWebhookSubscriptionInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2000),
  eventTypes: z.array(subscribableEventTypeSchema).min(1).max(50),
  isEnabled: z.boolean().default(true),
  retryPolicy: retryPolicySchema.partial().optional(),
});
export type CreateWebhookSubscriptionInput = z.input<typeof createWebhookSubscriptionInputSchema>;

export const updateWebhookSubscriptionInputSchema = createWebhookSubscriptionInputSchema.partial();
export type UpdateWebhookSubscriptionInput = z.input<typeof updateWebhookSubscriptionInputSchema>;

export const webhookSubscriptionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  isEnabled: z.boolean(),
  retryPolicy: retryPolicySchema,
  /** Deliveries dead in a row; reset by a success or by enabling again */
  failureStreak: z.number().int(),
  disabledReason: z.string().nullable(),
  disabledAt: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
});
export type WebhookSubscriptionView = z.output<typeof webhookSubscriptionSchema>;
export const webhookSubscriptionListSchema = z.object({ items: z.array(webhookSubscriptionSchema) });

/** Create and rotate-secret answer the secret once; it is never shown again. */
export const webhookSubscriptionWithSecretSchema = webhookSubscriptionSchema.extend({ secret: z.string() });
export type WebhookSubscriptionWithSecret = z.output<typeof webhookSubscriptionWithSecretSchema>;

export const webhookDeliverySchema = z.object({
  id: z.uuid(),
  subscriptionId: z.uuid(),
  eventId: z.uuid(),
  eventType: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attemptCount: z.number().int(),
  nextAttemptAt: dateTimeSchema.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  replayCount: z.number().int(),
  deliveredAt: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
});
export type WebhookDeliveryView = z.output<typeof webhookDeliverySchema>;

export const webhookAttemptSchema = z.object({
  id: z.uuid(),
  attempt: z.number().int(),
  requestHeaders: z.record(z.string(), z.string()),
  responseStatus: z.number().int().nullable(),
  responseBodyExcerpt: z.string().nullable(),
  error: z.string().nullable(),
  latencyMs: z.number().int(),
  createdAt: dateTimeSchema,
});
export type WebhookAttemptView = z.output<typeof webhookAttemptSchema>;

export const webhookDeliveryDetailSchema = webhookDeliverySchema.extend({
  /** The envelope as sent (the event's id, type, time and data) */
  payload: z.record(z.string(), z.unknown()),
  attempts: z.array(webhookAttemptSchema),
});
export type WebhookDeliveryDetailView = z.output<typeof webhookDeliveryDetailSchema>;

export const webhookDeliveryPageSchema = pageSchema(webhookDeliverySchema);
export const listWebhookDeliveriesQuerySchema = pageQuerySchema.extend({
  status: z.enum(DELIVERY_STATUSES).optional(),
});
export type ListWebhookDeliveriesQuery = z.input<typeof listWebhookDeliveriesQuerySchema>;

export const webhookDeliveryRefSchema = z.object({ deliveryId: z.uuid() });

const windowStatsSchema = z.object({
  total: z.number().int(),
  byStatus: z.record(z.enum(DELIVERY_STATUSES), z.number().int()),
  /** Succeeded among finished (succeeded + dead); null when none finished */
  successRate: z.number().nullable(),
  /** Mean latency of the window's attempts that got an answer; null when none */
  averageLatencyMs: z.number().nullable(),
});
export const webhookSubscriptionStatsSchema = z.object({ last24h: windowStatsSchema, last7d: windowStatsSchema });
export type WebhookSubscriptionStatsView = z.output<typeof webhookSubscriptionStatsSchema>;
