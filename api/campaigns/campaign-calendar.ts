// The calendar: runs that started in [from, to] and starts still to come: a scheduled one-off
// campaign's time and a recurring campaign's occurrences, computed from its recurrence in its own
// zone (campaign-schedule.ts) rather than asked of Temporal. Dates are whole UTC days; the web
// app asks for a little more than the month it shows.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { occurrences, type RecurringSchedule } from './campaign-schedule.ts';
import type { CalendarEntry, CampaignStatus } from './schemas.ts';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 366;

export async function campaignCalendar(
  query: { from?: string | undefined; to?: string | undefined },
  ctx: TenantContext,
): Promise<{ items: CalendarEntry[] }> {
  const today = new Date();
  const from = query.from
    ? new Date(`${query.from}T00:00:00.000Z`)
    : new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const to = query.to
    ? new Date(Date.parse(`${query.to}T00:00:00.000Z`) + DAY_MS)
    : new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 2, 1));
  if (to.getTime() <= from.getTime()) {
    throw AppError.field('to', 'must be on or after from');
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw AppError.field('to', `must be at most ${MAX_RANGE_DAYS} days after from`);
  }
  const now = new Date();
  const [runs, upcoming] = await Promise.all([
    ctx.db.campaignRun.findMany({
      where: {
        OR: [
          { startedAt: { gte: from, lt: to } },
          { startedAt: null, scheduledFor: { gte: from, lt: to } },
          { startedAt: null, scheduledFor: null, createdAt: { gte: from, lt: to } },
        ],
      },
      select: {
        id: true,
        startedAt: true,
        scheduledFor: true,
        createdAt: true,
        campaign: { select: { id: true, name: true, status: true, scheduleKind: true } },
      },
      orderBy: { createdAt: 'asc' },
      take: 2000,
    }),
    ctx.db.campaign.findMany({
      where: {
        status: { in: ['scheduled', 'running', 'paused'] },
        OR: [{ scheduleKind: 'once', scheduledAt: { gte: from, lt: to } }, { scheduleKind: 'recurring' }],
      },
      select: { id: true, name: true, status: true, scheduleKind: true, scheduledAt: true, recurrence: true },
      take: 1000,
    }),
  ]);
  const items: CalendarEntry[] = runs.map((run) => ({
    campaignId: run.campaign.id,
    name: run.campaign.name,
    status: run.campaign.status as CampaignStatus,
    at: run.startedAt ?? run.scheduledFor ?? run.createdAt,
    recurring: run.campaign.scheduleKind === 'recurring',
    runId: run.id,
  }));
  const started = new Set(runs.map((run) => run.campaign.id));
  for (const campaign of upcoming) {
    const entry = { campaignId: campaign.id, name: campaign.name, status: campaign.status as CampaignStatus };
    if (campaign.scheduleKind === 'once') {
      // A one-off's only run stands for it once it has started.
      if (campaign.status === 'scheduled' && campaign.scheduledAt && !started.has(campaign.id)) {
        items.push({ ...entry, at: campaign.scheduledAt, recurring: false, runId: null });
      }
    } else if (campaign.recurrence && campaign.status !== 'paused') {
      const since = new Date(Math.max(from.getTime(), now.getTime()));
      for (const at of occurrences(campaign.recurrence as RecurringSchedule, since, to)) {
        items.push({ ...entry, at, recurring: true, runId: null });
      }
    }
  }
  items.sort((a, b) => a.at.getTime() - b.at.getTime() || a.name.localeCompare(b.name));
  return { items };
}
