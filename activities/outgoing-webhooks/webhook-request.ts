// What a delivery sends: the event's envelope ({ id, type, tenantId, createdAt, data }, the same
// bytes on every attempt and replay) and the headers, signed with the subscription's secret.
import type { EventEnvelope } from '#api/events/schemas';
import { signatureHeader } from './sign-webhook.ts';

export type DeliveryRow = {
  status: string;
  replayCount: number;
  attemptCount: number;
  subscriptionId: string;
  url: string;
  secret: string;
  isEnabled: boolean;
  failureStreak: number;
  retryPolicy: unknown;
  eventId: string;
  eventType: string;
  payload: Record<string, unknown>;
  eventCreatedAt: Date;
  tenantId: string;
};

export const LOAD_DELIVERIES_SQL = `
  SELECT d.id, d.status, d."replayCount", d."attemptCount", d."subscriptionId", d."tenantId",
         s.url, s.secret, s."isEnabled", s."failureStreak", s."retryPolicy",
         e.id AS "eventId", e.type AS "eventType", e.payload, e."createdAt" AS "eventCreatedAt"
  FROM "WebhookDelivery" d
  JOIN "WebhookSubscription" s ON s.id = d."subscriptionId"
  JOIN "TenantEvent" e ON e.id = d."eventId"
  WHERE d.id = ANY($1::uuid[])`;

export function envelopeOf(
  row: Pick<DeliveryRow, 'eventId' | 'eventType' | 'tenantId' | 'eventCreatedAt' | 'payload'>,
): EventEnvelope {
  return {
    id: row.eventId,
    type: row.eventType as EventEnvelope['type'],
    tenantId: row.tenantId,
    createdAt: row.eventCreatedAt.toISOString(),
    data: row.payload,
  };
}

export function buildWebhookRequest(row: DeliveryRow, secret: string, attempt: number, deliveryId: string) {
  const body = JSON.stringify(envelopeOf(row));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Parley-Webhooks/1',
    'parley-event-id': row.eventId,
    'parley-event-type': row.eventType,
    'parley-delivery-id': deliveryId,
    'parley-delivery-attempt': String(attempt),
    'parley-signature': signatureHeader(secret, body, Math.floor(Date.now() / 1000)),
  };
  return { url: row.url, headers, body };
}
