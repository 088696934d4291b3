// Reading subscriptions: one select, one mapping to the API's view (the secret never leaves).
import type { Prisma } from '#db/client';
import type { TenantDb } from '#db/tenant-db';
import { AppError } from '../errors.ts';
import { retryPolicySchema, type WebhookSubscriptionView } from './schemas.ts';

export const subscriptionSelect = {
  id: true,
  name: true,
  url: true,
  eventTypes: true,
  isEnabled: true,
  retryPolicy: true,
  failureStreak: true,
  disabledReason: true,
  disabledAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.WebhookSubscriptionSelect;

type SubscriptionRow = Prisma.WebhookSubscriptionGetPayload<{ select: typeof subscriptionSelect }>;

export function toSubscriptionView(row: SubscriptionRow): WebhookSubscriptionView {
  return { ...row, retryPolicy: retryPolicySchema.parse(row.retryPolicy ?? {}) };
}

export async function listSubscriptions(db: TenantDb): Promise<{ items: WebhookSubscriptionView[] }> {
  const rows = await db.webhookSubscription.findMany({
    select: subscriptionSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return { items: rows.map(toSubscriptionView) };
}

export async function getSubscription(db: TenantDb, id: string): Promise<WebhookSubscriptionView> {
  const row = await db.webhookSubscription.findFirst({ where: { id }, select: subscriptionSelect });
  if (!row) {
    throw AppError.notFound('Webhook subscription');
  }
  return toSubscriptionView(row);
}
