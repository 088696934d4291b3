// A run's results, in total and per variant, counted from the sent-ledger (CampaignRecipient)
// joined to each recipient's message and contact: one grouped statement gives the counts and the
// money, so a 100,000-recipient run answers in one pass while it sends.
//
// What each count means (docs/campaigns.md): sent = WhatsApp accepted it; delivered includes
// read; failed = refused at sending or reported failed afterwards by WhatsApp; optedOut = the
// contact opted out after it was sent. Actual cost comes from the pricing WhatsApp reports in
// status webhooks (billable messages that were delivered) priced with the rate card.
import { Prisma } from '#db/client';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { costMicros, formatCost, isRateCategory, type RateCategory } from './rate-card.ts';
import type { CampaignCounts, CampaignStats, RunStatus } from './schemas.ts';

/** Messages per second are averaged over this many trailing seconds. */
const SEND_RATE_WINDOW_SECONDS = 5;

type CountRow = {
  variantId: string | null;
  status: string;
  reason: string | null;
  prefix: string;
  billed_category: string | null;
  n: number;
  message_failed: number;
  delivered: number;
  read: number;
  replied: number;
  opted_out: number;
  recent: number;
  billed: number;
};

export async function campaignStats(
  campaignId: string,
  query: { runId?: string | undefined },
  ctx: TenantContext,
): Promise<CampaignStats> {
  const campaign = await ctx.db.campaign.findFirst({
    where: { id: campaignId },
    select: {
      messageKind: true,
      variants: { orderBy: { position: 'asc' }, select: { id: true, label: true, message: true } },
    },
  });
  if (!campaign) {
    throw AppError.notFound('Campaign');
  }
  const run = await ctx.db.campaignRun.findFirst({
    where: { campaignId, ...(query.runId ? { id: query.runId } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, status: true, winnerVariantId: true },
  });
  if (!run && query.runId) {
    throw AppError.field('runId', 'is not a run of this campaign', 'NOT_FOUND');
  }
  const variantCounts = new Map(campaign.variants.map((v) => [v.id, emptyCounts()]));
  const total = emptyCounts();
  if (!run) {
    return {
      runId: null,
      status: null,
      total,
      variants: campaign.variants.map((v) => ({
        ...variantCounts.get(v.id)!,
        variantId: v.id,
        label: v.label,
        isWinner: false,
      })),
      estimatedCost: null,
      actualCost: null,
      sendRate: null,
      updatedAt: new Date(),
    };
  }
  const now = new Date();
  const recentSince = new Date(now.getTime() - SEND_RATE_WINDOW_SECONDS * 1000).toISOString();
  const t = ctx.db.tenantId;
  const billable = Prisma.sql`(m.pricing ->> 'billable') = 'true' AND m.status IN ('delivered', 'read', 'played')`;
  // One pass: counts by variant, status and reason, also grouped by the number's first digits and
  // WhatsApp's billed category so the same rows price the run.
  const rows = await ctx.db.transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL jit = off`;
    await tx.$executeRaw`SET LOCAL work_mem = '32MB'`;
    return tx.$queryRaw<CountRow[]>(Prisma.sql`SELECT r."variantId", r.status, r.reason,
        left(ct."waId", 3) AS prefix,
        CASE WHEN ${billable} THEN lower(coalesce(m.pricing ->> 'category', '')) END AS billed_category,
        count(*)::int AS n,
        count(*) FILTER (WHERE r.status = 'sent' AND m.status = 'failed')::int AS message_failed,
        count(*) FILTER (WHERE m.status IN ('delivered', 'read', 'played'))::int AS delivered,
        count(*) FILTER (WHERE m.status IN ('read', 'played'))::int AS read,
        count(r."repliedAt")::int AS replied,
        count(*) FILTER (WHERE r."sentAt" IS NOT NULL AND ct."optInStatus" = 'opted_out'
          AND ct."optInAt" >= r."sentAt")::int AS opted_out,
        count(*) FILTER (WHERE r."sentAt" > ${recentSince}::timestamp(3))::int AS recent,
        count(*) FILTER (WHERE ${billable})::int AS billed
      FROM "CampaignRecipient" r
      LEFT JOIN "Message" m ON m.id = r."messageId" AND m."tenantId" = ${t}::uuid
      JOIN "Contact" ct ON ct.id = r."contactId" AND ct."tenantId" = ${t}::uuid
      WHERE r."tenantId" = ${t}::uuid AND r."runId" = ${run.id}::uuid
      GROUP BY 1, 2, 3, 4, 5`);
  });
  const categories = await variantCategories(campaign.variants, ctx);

  let recent = 0;
  for (const row of rows) {
    recent += row.recent;
    add(total, row);
    if (row.variantId && variantCounts.has(row.variantId)) {
      add(variantCounts.get(row.variantId)!, row);
    }
  }
  const fallbackCategory = categories.get(run.winnerVariantId ?? '') ?? [...categories.values()][0] ?? null;
  const categoryOf = (variantId: string | null) => (variantId && categories.get(variantId)) || fallbackCategory;
  const estimated = rows.flatMap((row) => {
    const category = categoryOf(row.variantId);
    return category && row.status !== 'skipped' ? [{ prefix: row.prefix, category, count: row.n }] : [];
  });
  const billed = rows.flatMap((row) => {
    const category = isRateCategory(row.billed_category) ? row.billed_category : categoryOf(row.variantId);
    return category && row.billed > 0 ? [{ prefix: row.prefix, category, count: row.billed }] : [];
  });
  const free = campaign.messageKind === 'text' ? formatCost(0) : null;
  const sending = run.status === 'running' || run.status === 'testing';
  return {
    runId: run.id,
    status: run.status as RunStatus,
    total,
    variants: campaign.variants.map((v) => ({
      ...variantCounts.get(v.id)!,
      variantId: v.id,
      label: v.label,
      isWinner: run.winnerVariantId === v.id,
    })),
    estimatedCost: free ?? (categories.size > 0 ? formatCost(costMicros(estimated)) : null),
    actualCost: free ?? formatCost(costMicros(billed)),
    sendRate: sending ? recent / SEND_RATE_WINDOW_SECONDS : null,
    updatedAt: now,
  };
}

function emptyCounts(): CampaignCounts {
  return {
    audience: 0,
    queued: 0,
    sent: 0,
    delivered: 0,
    read: 0,
    replied: 0,
    failed: 0,
    skipped: 0,
    optedOut: 0,
    reasons: {},
  };
}

function add(counts: CampaignCounts, row: CountRow): void {
  counts.audience += row.n;
  counts.delivered += row.delivered;
  counts.read += row.read;
  counts.replied += row.replied;
  counts.optedOut += row.opted_out;
  const reason = (key: string, n: number) => {
    if (n > 0) {
      counts.reasons[key] = (counts.reasons[key] ?? 0) + n;
    }
  };
  switch (row.status) {
    case 'pending':
    case 'sending':
      counts.queued += row.n;
      break;
    case 'sent':
      counts.sent += row.n - row.message_failed;
      counts.failed += row.message_failed;
      reason('whatsapp_error', row.message_failed);
      break;
    case 'failed':
      counts.failed += row.n;
      reason(row.reason ?? 'whatsapp_error', row.n);
      break;
    case 'skipped':
      counts.skipped += row.n;
      reason(row.reason ?? 'cancelled', row.n);
      break;
  }
}

/** Each template variant's category (it sets the price). */
async function variantCategories(
  variants: Array<{ id: string; message: unknown }>,
  ctx: TenantContext,
): Promise<Map<string, RateCategory>> {
  const templateIds = new Map<string, string>();
  for (const v of variants) {
    const message = v.message as { kind?: string; templateId?: string };
    if (message.kind === 'template' && message.templateId) {
      templateIds.set(v.id, message.templateId);
    }
  }
  if (templateIds.size === 0) {
    return new Map();
  }
  const templates = await ctx.db.messageTemplate.findMany({
    where: { id: { in: [...new Set(templateIds.values())] } },
    select: { id: true, category: true },
  });
  const byTemplate = new Map(templates.map((t) => [t.id, t.category]));
  const result = new Map<string, RateCategory>();
  for (const [variantId, templateId] of templateIds) {
    const category = byTemplate.get(templateId);
    if (isRateCategory(category)) {
      result.set(variantId, category);
    }
  }
  return result;
}
