// Before sending: how many contacts the audience selects, how many of them it would reach (opt-in
// for templates, the 24-hour window for text), what it would cost, and how much of the plan's
// quota and of the number's messaging limit is left. One grouped statement over the audience (by skip reason and the first digits of
// the number, which find its calling code), so 100,000 contacts count in one pass.
import { Prisma } from '#db/client';
import type { TenantDb } from '#db/tenant-db';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { runSql } from '../segments/segment-query.ts';
import { audienceWhereSql, reachabilitySql, type MessageKind } from './audience-sql.ts';
import { messagingLimitLeft } from './messaging-reach.ts';
import { quotaRemaining } from './plan-quota.ts';
import { costMicros, formatCost, isRateCategory, type RateCategory } from './rate-card.ts';
import type { Audience, Estimate, EstimateInput } from './schemas.ts';

export type AudienceCounts = Omit<Estimate, 'estimatedCost' | 'quotaRemaining' | 'messagingLimit'> & {
  /** Reachable contacts by the first 3 digits of their number, for the rate card. */
  reachableByPrefix: Array<{ prefix: string; count: number }>;
};

export async function estimateAudience(input: EstimateInput, ctx: TenantContext): Promise<Estimate> {
  await assertChannel(ctx.db, input.channelId, 'channelId');
  const category = input.templateId ? await templateCategory(ctx.db, input.channelId, input.templateId) : null;
  const [counts, quota, messagingLimit] = await Promise.all([
    countAudience(ctx.db, { audience: input.audience, messageKind: input.messageKind, channelId: input.channelId }),
    quotaRemaining(ctx.db),
    messagingLimitLeft(ctx.db, input.channelId),
  ]);
  return {
    matched: counts.matched,
    reachable: counts.reachable,
    optedOut: counts.optedOut,
    notOptedIn: counts.notOptedIn,
    outsideWindow: counts.outsideWindow,
    estimatedCost: estimatedCost(counts, input.messageKind, category),
    quotaRemaining: quota,
    messagingLimit,
  };
}

/** The audience's size now and why the unreachable part is (opt-in, window). */
export async function countAudience(
  db: TenantDb,
  target: { audience: Audience; messageKind: MessageKind; channelId: string },
  now = new Date(),
): Promise<AudienceCounts> {
  const where = await audienceWhereSql(db, target.audience, { now });
  const reason = reachabilitySql(target.messageKind, target.channelId, now);
  const rows = await runSql<{ reason: string | null; prefix: string | null; n: number }>(
    db,
    Prisma.sql`SELECT ${reason} AS reason, CASE WHEN ${reason} IS NULL THEN left(c."waId", 3) END AS prefix,
      count(*)::int AS n FROM "Contact" c WHERE ${where} GROUP BY 1, 2`,
  );
  const counts: AudienceCounts = {
    matched: 0,
    reachable: 0,
    optedOut: 0,
    notOptedIn: 0,
    outsideWindow: 0,
    reachableByPrefix: [],
  };
  for (const row of rows) {
    counts.matched += row.n;
    if (row.reason === null) {
      counts.reachable += row.n;
      counts.reachableByPrefix.push({ prefix: row.prefix ?? '', count: row.n });
    } else if (row.reason === 'opted_out') {
      counts.optedOut += row.n;
    } else if (row.reason === 'not_opted_in') {
      counts.notOptedIn += row.n;
    } else {
      counts.outsideWindow += row.n;
    }
  }
  return counts;
}

/** Reachable × the rate card's price for the template's category; free-form text is free. */
export function estimatedCost(
  counts: Pick<AudienceCounts, 'reachableByPrefix'>,
  kind: MessageKind,
  category: RateCategory | null,
): Estimate['estimatedCost'] {
  if (kind === 'text') {
    return formatCost(0);
  }
  if (!category) {
    return null;
  }
  return formatCost(costMicros(counts.reachableByPrefix.map((g) => ({ ...g, category }))));
}

/** 422 naming `field` unless the channel is this workspace's. */
export async function assertChannel(db: TenantDb, channelId: string, field: string) {
  const channel = await db.channel.findFirst({
    where: { id: channelId },
    select: { id: true, status: true, name: true },
  });
  if (!channel) {
    throw AppError.field(field, 'is not a WhatsApp number of this workspace', 'UNPROCESSABLE');
  }
  return channel;
}

/** The template's category (it sets the price); 422 naming `templateId` unless it is the channel's. */
async function templateCategory(db: TenantDb, channelId: string, templateId: string): Promise<RateCategory | null> {
  const template = await db.messageTemplate.findFirst({
    where: { id: templateId, channelId },
    select: { category: true },
  });
  if (!template) {
    throw AppError.field('templateId', 'is not a template of this WhatsApp number', 'UNPROCESSABLE');
  }
  return isRateCategory(template.category) ? template.category : null;
}
