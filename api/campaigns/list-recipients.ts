// A run's recipients (the sent-ledger) with what happened to each: filtered by status, including
// what happened after sending (delivered, read, replied), and by variant; in id order a page at a
// time (keyset: the cursor is the last id). The CSV export reads the same pages.
import { Prisma } from '#db/client';
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { runSql } from '../segments/segment-query.ts';
import type { CampaignRecipientView, ListRecipientsQuery, RecipientStatus } from './schemas.ts';

export type RecipientFilter = Omit<ListRecipientsQuery, 'limit' | 'cursor'>;

export type RecipientRow = {
  id: string;
  contactId: string;
  name: string | null;
  phone: string;
  variantLabel: string | null;
  status: string;
  messageStatus: string | null;
  reason: string | null;
  errorCode: number | null;
  sentAt: Date | null;
  repliedAt: Date | null;
};

export async function listRecipients(
  campaignId: string,
  query: ListRecipientsQuery,
  ctx: TenantContext,
): Promise<Page<CampaignRecipientView>> {
  const runId = await resolveRunId(campaignId, query.runId, ctx);
  if (!runId) {
    return { items: [], nextCursor: null };
  }
  const rows = await selectRecipients(runId, query, { limit: query.limit + 1, after: query.cursor ?? null }, ctx);
  const hasMore = rows.length > query.limit;
  const items = hasMore ? rows.slice(0, query.limit) : rows;
  return { items: items.map(toRecipientView), nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}

/** The run asked for (404 naming `runId` unless it is the campaign's), else the latest; null: none yet. */
export async function resolveRunId(
  campaignId: string,
  runId: string | undefined,
  ctx: TenantContext,
): Promise<string | null> {
  const campaign = await ctx.db.campaign.findFirst({ where: { id: campaignId }, select: { id: true } });
  if (!campaign) {
    throw AppError.notFound('Campaign');
  }
  const run = await ctx.db.campaignRun.findFirst({
    where: { campaignId, ...(runId ? { id: runId } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  if (!run && runId) {
    throw AppError.field('runId', 'is not a run of this campaign', 'NOT_FOUND');
  }
  return run?.id ?? null;
}

export async function selectRecipients(
  runId: string,
  filter: RecipientFilter,
  page: { limit: number; after: string | null },
  ctx: TenantContext,
): Promise<RecipientRow[]> {
  const t = ctx.db.tenantId;
  const conditions: Prisma.Sql[] = [Prisma.sql`r."tenantId" = ${t}::uuid`, Prisma.sql`r."runId" = ${runId}::uuid`];
  if (filter.status === 'delivered') {
    conditions.push(Prisma.sql`m.status IN ('delivered', 'read', 'played')`);
  } else if (filter.status === 'read') {
    conditions.push(Prisma.sql`m.status IN ('read', 'played')`);
  } else if (filter.status === 'replied') {
    conditions.push(Prisma.sql`r."repliedAt" IS NOT NULL`);
  } else if (filter.status) {
    conditions.push(Prisma.sql`r.status = ${filter.status}`);
  }
  if (filter.variantId) {
    conditions.push(Prisma.sql`r."variantId" = ${filter.variantId}::uuid`);
  }
  if (page.after) {
    conditions.push(Prisma.sql`r.id > ${page.after}::uuid`);
  }
  // The page is chosen from the ledger alone (joined to messages only to filter on what happened
  // after sending), then its rows are joined to contacts, variants and messages by primary key.
  const byMessage = filter.status === 'delivered' || filter.status === 'read';
  return runSql<RecipientRow>(
    ctx.db,
    Prisma.sql`WITH page AS (
        SELECT r.* FROM "CampaignRecipient" r
        ${byMessage ? Prisma.sql`JOIN "Message" m ON m.id = r."messageId" AND m."tenantId" = ${t}::uuid` : Prisma.empty}
        WHERE ${Prisma.join(conditions, ' AND ')}
        ORDER BY r.id LIMIT ${page.limit}
      )
      SELECT p.id, p."contactId", ct.name, ct.phone, v.label AS "variantLabel", p.status,
        m.status AS "messageStatus", p.reason, p."errorCode", p."sentAt", p."repliedAt"
      FROM page p
      JOIN "Contact" ct ON ct.id = p."contactId" AND ct."tenantId" = ${t}::uuid
      LEFT JOIN "CampaignVariant" v ON v.id = p."variantId" AND v."tenantId" = ${t}::uuid
      LEFT JOIN "Message" m ON m.id = p."messageId" AND m."tenantId" = ${t}::uuid
      ORDER BY p.id`,
  );
}

export function toRecipientView(row: RecipientRow): CampaignRecipientView {
  return {
    id: row.id,
    contact: { id: row.contactId, name: row.name, phone: row.phone },
    variantLabel: row.variantLabel,
    status: row.status as RecipientStatus,
    messageStatus: row.messageStatus,
    reason: row.reason,
    errorCode: row.errorCode,
    sentAt: row.sentAt,
    repliedAt: row.repliedAt,
  };
}
