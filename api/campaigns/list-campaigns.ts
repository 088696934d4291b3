// Campaigns newest first, filtered by status and searched by name, a page at a time (the cursor is
// the last id of the previous page).
import type { Prisma } from '#db/client';
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { pageArgs, toPage } from '../http/pagination.ts';
import { campaignSelect, viewCampaigns } from './campaign-view.ts';
import type { CampaignView, ListCampaignsQuery } from './schemas.ts';

export async function listCampaigns(query: ListCampaignsQuery, ctx: TenantContext): Promise<Page<CampaignView>> {
  const where: Prisma.CampaignWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.q ? { name: { contains: query.q, mode: 'insensitive' } } : {}),
  };
  const rows = await ctx.db.campaign.findMany({ where, select: campaignSelect, ...pageArgs(query) });
  const page = toPage(rows, query, (row) => row);
  return { items: await viewCampaigns(page.items, ctx), nextCursor: page.nextCursor };
}
