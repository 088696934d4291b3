// The delivery log: a subscription's deliveries (newest first, by status, cursor pages) and one
// delivery with the envelope it sends and every attempt.
import type { Prisma } from '#db/client';
import type { TenantDb } from '#db/tenant-db';
import type { Page } from '../common/schemas.ts';
import { AppError } from '../errors.ts';
import { pageArgs, toPage } from '../http/pagination.ts';
import {
  webhookAttemptSchema,
  type DeliveryStatus,
  type ListWebhookDeliveriesQuery,
  type WebhookDeliveryDetailView,
  type WebhookDeliveryView,
} from './schemas.ts';
import { getSubscription } from './subscription-view.ts';

const deliverySelect = {
  id: true,
  subscriptionId: true,
  eventId: true,
  status: true,
  attemptCount: true,
  nextAttemptAt: true,
  lastStatusCode: true,
  lastError: true,
  replayCount: true,
  deliveredAt: true,
  createdAt: true,
  event: { select: { type: true } },
} satisfies Prisma.WebhookDeliverySelect;

type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof deliverySelect }>;

function toDeliveryView({ event, ...row }: DeliveryRow): WebhookDeliveryView {
  return { ...row, status: row.status as DeliveryStatus, eventType: event.type };
}

export async function listDeliveries(
  db: TenantDb,
  subscriptionId: string,
  query: ListWebhookDeliveriesQuery & { limit: number },
): Promise<Page<WebhookDeliveryView>> {
  await getSubscription(db, subscriptionId);
  const rows = await db.webhookDelivery.findMany({
    where: { subscriptionId, ...(query.status ? { status: query.status } : {}) },
    select: deliverySelect,
    ...pageArgs(query),
  });
  return toPage(rows, query, toDeliveryView);
}

export async function getDelivery(db: TenantDb, deliveryId: string): Promise<WebhookDeliveryDetailView> {
  const row = await db.webhookDelivery.findFirst({
    where: { id: deliveryId },
    select: {
      ...deliverySelect,
      event: { select: { type: true, payload: true, createdAt: true, tenantId: true } },
      attempts: { orderBy: [{ attempt: 'asc' }, { createdAt: 'asc' }] },
    },
  });
  if (!row) {
    throw AppError.notFound('Webhook delivery');
  }
  const { attempts, event, ...delivery } = row;
  return {
    ...toDeliveryView({ ...delivery, event }),
    payload: {
      id: delivery.eventId,
      type: event.type,
      tenantId: event.tenantId,
      createdAt: event.createdAt.toISOString(),
      data: event.payload,
    },
    attempts: attempts.map((attempt) =>
      webhookAttemptSchema.parse({ ...attempt, createdAt: attempt.createdAt.toISOString() }),
    ),
  };
}
