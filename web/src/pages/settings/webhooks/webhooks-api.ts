// The outgoing-webhook routes of api/outgoing-webhooks/schemas.ts as typed calls and queries.
import { useQuery } from '@tanstack/react-query';
import {
  webhookDeliveryDetailSchema,
  webhookDeliveryPageSchema,
  webhookDeliveryRefSchema,
  webhookSubscriptionListSchema,
  webhookSubscriptionSchema,
  webhookSubscriptionStatsSchema,
  webhookSubscriptionWithSecretSchema,
  type CreateWebhookSubscriptionInput,
  type DeliveryStatus,
  type UpdateWebhookSubscriptionInput,
} from '#api/outgoing-webhooks/schemas';
import { apiRequest } from '../../../api/client.ts';
import { usePagedList } from '../../../api/use-paged-list.ts';

export const webhooksKey = ['webhook-subscriptions'];

export function useWebhookSubscriptions() {
  return useQuery({
    queryKey: [...webhooksKey, 'list'],
    queryFn: () => apiRequest('/api/webhook-subscriptions', { schema: webhookSubscriptionListSchema }),
  });
}

export function useWebhookSubscription(id: string) {
  return useQuery({
    queryKey: [...webhooksKey, 'detail', id],
    queryFn: () => apiRequest(`/api/webhook-subscriptions/${id}`, { schema: webhookSubscriptionSchema }),
  });
}

export function useWebhookStats(id: string) {
  return useQuery({
    queryKey: [...webhooksKey, 'stats', id],
    queryFn: () => apiRequest(`/api/webhook-subscriptions/${id}/stats`, { schema: webhookSubscriptionStatsSchema }),
  });
}

export function useWebhookDeliveries(id: string, status: DeliveryStatus | '') {
  return usePagedList([...webhooksKey, 'deliveries', id, status], (cursor) =>
    apiRequest(`/api/webhook-subscriptions/${id}/deliveries`, {
      query: { limit: 20, cursor, ...(status ? { status } : {}) },
      schema: webhookDeliveryPageSchema,
    }),
  );
}

/** The newest delivery of a subscription, for the list's "last delivery" column. */
export function useLastDelivery(id: string) {
  return useQuery({
    queryKey: [...webhooksKey, 'deliveries', id, 'last'],
    queryFn: async () =>
      (
        await apiRequest(`/api/webhook-subscriptions/${id}/deliveries`, {
          query: { limit: 1 },
          schema: webhookDeliveryPageSchema,
        })
      ).items[0] ?? null,
  });
}

export function useWebhookDelivery(deliveryId: string) {
  return useQuery({
    queryKey: [...webhooksKey, 'delivery', deliveryId],
    queryFn: () => apiRequest(`/api/webhook-deliveries/${deliveryId}`, { schema: webhookDeliveryDetailSchema }),
  });
}

export const createSubscription = (body: CreateWebhookSubscriptionInput) =>
  apiRequest('/api/webhook-subscriptions', { method: 'POST', body, schema: webhookSubscriptionWithSecretSchema });

export const updateSubscription = (id: string, body: UpdateWebhookSubscriptionInput) =>
  apiRequest(`/api/webhook-subscriptions/${id}`, { method: 'PATCH', body, schema: webhookSubscriptionSchema });

export const deleteSubscription = (id: string) => apiRequest(`/api/webhook-subscriptions/${id}`, { method: 'DELETE' });

export const rotateSecret = (id: string) =>
  apiRequest(`/api/webhook-subscriptions/${id}/rotate-secret`, {
    method: 'POST',
    schema: webhookSubscriptionWithSecretSchema,
  });

export const sendTestEvent = (id: string) =>
  apiRequest(`/api/webhook-subscriptions/${id}/test`, { method: 'POST', schema: webhookDeliveryRefSchema });

export const replayDelivery = (deliveryId: string) =>
  apiRequest(`/api/webhook-deliveries/${deliveryId}/replay`, { method: 'POST', schema: webhookDeliveryRefSchema });
