// The plan's message quotas (TenantSettings.maxMessagesPerDay / maxMessagesPerMonth, null:
// unlimited) against what the workspace sent: TenantMessageUsage, one row per UTC day, counted by
// a trigger on every outbound message whatever path sent it (inbox, flows, API, campaigns).
import type { TenantDb } from '#db/tenant-db';

export type QuotaRemaining = { day: number | null; month: number | null };

export async function quotaRemaining(db: TenantDb, now: Date = new Date()): Promise<QuotaRemaining> {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [settings, usage] = await Promise.all([
    db.settings.findUnique({
      where: { tenantId: db.tenantId },
      select: { maxMessagesPerDay: true, maxMessagesPerMonth: true },
    }),
    db.messageUsage.findMany({ where: { day: { gte: monthStart } }, select: { day: true, count: true } }),
  ]);
  const sentToday = usage.filter((u) => u.day.getTime() === today.getTime()).reduce((n, u) => n + u.count, 0);
  const sentThisMonth = usage.reduce((n, u) => n + u.count, 0);
  const left = (limit: number | null | undefined, used: number) =>
    limit === null || limit === undefined ? null : Math.max(0, limit - used);
  return {
    day: left(settings?.maxMessagesPerDay, sentToday),
    month: left(settings?.maxMessagesPerMonth, sentThisMonth),
  };
}

/** Whether the plan allows at least one more message now. */
export function quotaLeft(quota: QuotaRemaining): boolean {
  return (quota.day === null || quota.day > 0) && (quota.month === null || quota.month > 0);
}
