// A flow's sessions, newest first: who, where, and the node each one is at.
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { pageArgs, toPage } from '../http/pagination.ts';
import { getFlowRow } from './flow-view.ts';
import type { FlowSessionView, ListFlowSessionsQuery } from './session-schemas.ts';

export async function listFlowSessions(
  flowId: string,
  query: ListFlowSessionsQuery,
  ctx: TenantContext,
): Promise<Page<FlowSessionView>> {
  await getFlowRow(ctx.db, flowId);
  const rows = await ctx.db.flowSession.findMany({
    ...pageArgs(query),
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    where: {
      flowId,
      ...(query.status ? { status: query.status } : {}),
      ...(query.includeTests ? {} : { isTest: false }),
    },
    select: {
      id: true,
      flowId: true,
      channelId: true,
      status: true,
      triggerType: true,
      isTest: true,
      currentNodeId: true,
      startedAt: true,
      endedAt: true,
      flowVersion: { select: { version: true } },
      contact: { select: { id: true, name: true, profileName: true, phone: true } },
    },
  });
  return toPage(rows, query, (row) => ({
    ...row,
    status: row.status as FlowSessionView['status'],
    flowVersion: row.flowVersion?.version ?? null,
    contact: { id: row.contact.id, name: row.contact.name ?? row.contact.profileName, phone: row.contact.phone },
  }));
}
