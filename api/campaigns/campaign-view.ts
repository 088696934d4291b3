// A campaign as the API returns it: its channel, variants in order, schedule, the next start
// (scheduled and recurring campaigns), the latest run and who created it.
import type { Prisma } from '#db/client';
import type { TenantContext } from '../context.ts';
import { creatorNames } from '../contact-imports/contact-import-view.ts';
import { AppError } from '../errors.ts';
import { nextOccurrence, scheduleOf, type RecurringSchedule } from './campaign-schedule.ts';
import {
  abTestSchema,
  audienceSchema,
  quietHoursSchema,
  variantMessageSchema,
  type CampaignRunView,
  type CampaignStatus,
  type CampaignView,
  type RunStatus,
} from './schemas.ts';

export const runSelect = {
  id: true,
  status: true,
  scheduledFor: true,
  audienceSize: true,
  sentCount: true,
  failedCount: true,
  skippedCount: true,
  winnerVariantId: true,
  failureReason: true,
  limitHeldUntil: true,
  startedAt: true,
  completedAt: true,
} satisfies Prisma.CampaignRunSelect;

export const campaignSelect = {
  id: true,
  name: true,
  status: true,
  channelId: true,
  channel: { select: { id: true, name: true, displayPhoneNumber: true } },
  audience: true,
  messageKind: true,
  missingVariable: true,
  abTest: true,
  scheduleKind: true,
  scheduledAt: true,
  timeZone: true,
  recurrence: true,
  quietHours: true,
  failureReason: true,
  createdById: true,
  startedAt: true,
  completedAt: true,
  createdAt: true,
  updatedAt: true,
  variants: {
    orderBy: { position: 'asc' },
    select: { id: true, label: true, weight: true, message: true },
  },
  runs: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1, select: runSelect },
} satisfies Prisma.CampaignSelect;

export type CampaignRow = Prisma.CampaignGetPayload<{ select: typeof campaignSelect }>;
type RunRow = Prisma.CampaignRunGetPayload<{ select: typeof runSelect }>;

export async function findCampaignRow(id: string, ctx: TenantContext): Promise<CampaignRow> {
  const row = await ctx.db.campaign.findFirst({ where: { id }, select: campaignSelect });
  if (!row) {
    throw AppError.notFound('Campaign');
  }
  return row;
}

export async function getCampaign(id: string, ctx: TenantContext): Promise<CampaignView> {
  return viewCampaigns([await findCampaignRow(id, ctx)], ctx).then((views) => views[0]!);
}

export async function viewCampaigns(rows: CampaignRow[], ctx: TenantContext): Promise<CampaignView[]> {
  const names = await creatorNames(ctx.db, rows);
  const now = new Date();
  return rows.map((row) => toCampaignView(row, names, now));
}

export function toCampaignView(row: CampaignRow, names: ReadonlyMap<string, string>, now: Date): CampaignView {
  return {
    id: row.id,
    name: row.name,
    status: row.status as CampaignStatus,
    channel: row.channel,
    audience: audienceSchema.parse(row.audience),
    missingVariable: row.missingVariable as 'skip' | 'default',
    variants: row.variants.map((v) => ({
      id: v.id,
      label: v.label,
      weight: v.weight,
      message: variantMessageSchema.parse(v.message),
    })),
    abTest: row.abTest ? abTestSchema.parse(row.abTest) : null,
    schedule: scheduleOf(row),
    quietHours: row.quietHours ? quietHoursSchema.parse(row.quietHours) : null,
    nextRunAt: nextRunAt(row, now),
    lastRun: row.runs[0] ? toRunView(row.runs[0]) : null,
    failureReason: row.failureReason,
    createdBy: row.createdById
      ? { userId: row.createdById, name: names.get(row.createdById) ?? 'Former member' }
      : null,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** When it starts next: a scheduled one-off's time, or a recurring campaign's next occurrence. */
function nextRunAt(row: CampaignRow, now: Date): Date | null {
  if (row.scheduleKind === 'once') {
    return row.status === 'scheduled' || row.status === 'draft' ? row.scheduledAt : null;
  }
  if (row.scheduleKind === 'recurring' && row.recurrence && ['draft', 'scheduled', 'running'].includes(row.status)) {
    return nextOccurrence(row.recurrence as RecurringSchedule, now);
  }
  return null;
}

export function toRunView(run: RunRow): CampaignRunView {
  return { ...run, status: run.status as RunStatus };
}

/** A campaign's runs, newest first. */
export async function listRuns(campaignId: string, ctx: TenantContext): Promise<{ items: CampaignRunView[] }> {
  const campaign = await ctx.db.campaign.findFirst({
    where: { id: campaignId },
    select: { runs: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 500, select: runSelect } },
  });
  if (!campaign) {
    throw AppError.notFound('Campaign');
  }
  return { items: campaign.runs.map(toRunView) };
}
