// A subscription's health over the last 24 hours and 7 days: deliveries by status, the success
// rate among finished ones, and the mean latency of attempts that got an answer. Two grouped
// statements over the (tenant, subscription, createdAt) index.
import type { TenantDb } from '#db/tenant-db';
import { Prisma } from '#db/client';
import { DELIVERY_STATUSES, type DeliveryStatus, type WebhookSubscriptionStatsView } from './schemas.ts';
import { getSubscription } from './subscription-view.ts';

type WindowRow = { window: string; status: string; count: bigint };
type LatencyRow = { window: string; avg: number | null };

export async function subscriptionStats(db: TenantDb, subscriptionId: string): Promise<WebhookSubscriptionStatsView> {
  await getSubscription(db, subscriptionId);
  const [counts, latencies] = await db.transaction(async (tx) => [
    await tx.$queryRaw<WindowRow[]>(Prisma.sql`
      SELECT w.win AS window, d.status, count(*) AS count
      FROM "WebhookDelivery" d
      CROSS JOIN (VALUES ('24h', interval '24 hours'), ('7d', interval '7 days')) AS w(win, span)
      WHERE d."subscriptionId" = ${subscriptionId}::uuid AND d."tenantId" = ${db.tenantId}::uuid
        AND d."createdAt" > now() - w.span
      GROUP BY w.win, d.status`),
    await tx.$queryRaw<LatencyRow[]>(Prisma.sql`
      SELECT w.win AS window, avg(a."latencyMs")::float8 AS avg
      FROM "WebhookAttempt" a
      JOIN "WebhookDelivery" d ON d.id = a."deliveryId"
      CROSS JOIN (VALUES ('24h', interval '24 hours'), ('7d', interval '7 days')) AS w(win, span)
      WHERE d."subscriptionId" = ${subscriptionId}::uuid AND d."tenantId" = ${db.tenantId}::uuid
        AND a."createdAt" > now() - w.span AND a."responseStatus" IS NOT NULL
      GROUP BY w.win`),
  ]);
  return { last24h: windowStats('24h', counts, latencies), last7d: windowStats('7d', counts, latencies) };
}

function windowStats(window: string, counts: WindowRow[], latencies: LatencyRow[]) {
  const byStatus = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as Record<DeliveryStatus, number>;
  for (const row of counts.filter((r) => r.window === window)) {
    if (row.status in byStatus) {
      byStatus[row.status as DeliveryStatus] = Number(row.count);
    }
  }
  const finished = byStatus.succeeded + byStatus.dead;
  const avg = latencies.find((r) => r.window === window)?.avg ?? null;
  return {
    total: Object.values(byStatus).reduce((a, b) => a + b, 0),
    byStatus,
    successRate: finished === 0 ? null : byStatus.succeeded / finished,
    averageLatencyMs: avg === null ? null : Math.round(avg),
  };
}
