// The workspace's flows, newest first, filtered by name and status.
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { pageArgs, toPage } from '../http/pagination.ts';
import { flowSelect, toFlowSummary } from './flow-view.ts';
import type { FlowSummary, ListFlowsQuery } from './schemas.ts';

export async function listFlows(query: ListFlowsQuery, ctx: TenantContext): Promise<Page<FlowSummary>> {
  const rows = await ctx.db.flow.findMany({
    ...pageArgs(query),
    where: {
      ...(query.search ? { name: { contains: query.search, mode: 'insensitive' as const } } : {}),
      ...statusFilter(query.status),
    },
    select: flowSelect,
  });
  return toPage(rows, query, toFlowSummary);
}

function statusFilter(status: ListFlowsQuery['status']) {
  switch (status) {
    case 'draft':
      return { activeVersionId: null };
    case 'active':
      return { activeVersionId: { not: null }, isActive: true };
    case 'inactive':
      return { activeVersionId: { not: null }, isActive: false };
    default:
      return {};
  }
}
