// Per-node counts of one published version for the builder's canvas overlay. Only real sessions
// of that version count (test runs have no version and are excluded anyway). One statement under
// row-level security: the version's sessions come from the (tenantId, flowId, startedAt) index,
// their step events from the (sessionId, seq) one, so the cost follows the version's sessions,
// not the size of FlowStepEvent.
import { Prisma } from '#db/client';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { FlowAnalytics, FlowAnalyticsQuery, NodeAnalytics, SessionCounts } from './analytics-schemas.ts';
import { getFlowRow } from './flow-view.ts';
import { DROPPED_SESSION_STATUSES, LIVE_SESSION_STATUSES } from './session-statuses.ts';

const NO_SESSIONS: SessionCounts = { started: 0, completed: 0, active: 0, dropped: 0 };

export async function getFlowAnalytics(
  flowId: string,
  query: FlowAnalyticsQuery,
  ctx: TenantContext,
): Promise<FlowAnalytics> {
  const version = await versionToCount(flowId, query, ctx);
  if (!version) {
    return { version: null, sessions: NO_SESSIONS, nodes: [] };
  }
  const tenantId = ctx.db.tenantId;
  const [row] = await ctx.db.transaction((tx) =>
    tx.$queryRaw<Array<{ sessions: SessionCounts; nodes: NodeAnalytics[] }>>(
      analyticsSql(tenantId, flowId, version.id),
    ),
  );
  return { version: version.number, sessions: row?.sessions ?? NO_SESSIONS, nodes: row?.nodes ?? [] };
}

/** The version asked for (404 when it was never published), else the active one, else none. */
async function versionToCount(flowId: string, query: FlowAnalyticsQuery, ctx: TenantContext) {
  const flow = await getFlowRow(ctx.db, flowId);
  if (query.version === undefined) {
    return flow.activeVersionId && flow.activeVersion
      ? { id: flow.activeVersionId, number: flow.activeVersion.version }
      : null;
  }
  const found = await ctx.db.flowVersion.findUnique({
    where: { flowId_version: { flowId, version: query.version } },
    select: { id: true },
  });
  if (!found) {
    throw AppError.field('version', `is not a published version of "${flow.name}"`, 'NOT_FOUND');
  }
  return { id: found.id, number: query.version };
}

// A session's last step is its highest seq over all its events, those of flows it jumped to
// included: a session that ended in another flow dropped off there, not here. Node rows count
// only this flow's events.
function analyticsSql(tenantId: string, flowId: string, versionId: string): Prisma.Sql {
  const live = [...LIVE_SESSION_STATUSES];
  const dropped = [...DROPPED_SESSION_STATUSES];
  return Prisma.sql`
    WITH session AS (
      SELECT id, status FROM "FlowSession"
      WHERE "tenantId" = ${tenantId}::uuid AND "flowId" = ${flowId}::uuid
        AND "flowVersionId" = ${versionId}::uuid AND NOT "isTest"
    ), step AS (
      SELECT e."flowId", e."nodeId", e."nodeType", e."exitedAt", e."durationMs", s.status,
             e.seq = max(e.seq) OVER (PARTITION BY e."sessionId") AS "isLast"
      FROM session s JOIN "FlowStepEvent" e ON e."sessionId" = s.id AND e."tenantId" = ${tenantId}::uuid
    ), node AS (
      SELECT "nodeId", max("nodeType") AS "nodeType", count(*)::int AS entered, count("exitedAt")::int AS exited,
             (count(*) FILTER (WHERE "isLast" AND status = ANY(${dropped}::text[])))::int AS dropped,
             round(avg("durationMs") FILTER (WHERE "exitedAt" IS NOT NULL))::int AS "averageMs"
      FROM step WHERE "flowId" = ${flowId}::uuid
      GROUP BY "nodeId"
    )
    SELECT
      (SELECT json_build_object(
                'started', count(*),
                'completed', count(*) FILTER (WHERE status = 'completed'),
                'active', count(*) FILTER (WHERE status = ANY(${live}::text[])),
                'dropped', count(*) FILTER (WHERE status = ANY(${dropped}::text[])))
       FROM session) AS sessions,
      (SELECT coalesce(json_agg(node ORDER BY "nodeId"), '[]'::json) FROM node) AS nodes`;
}
