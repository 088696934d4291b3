// Published versions, newest first. Versions are immutable: publish adds one, rollback only moves
// the flow's pointer.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { getFlowRow } from './flow-view.ts';
import type { FlowVersionSummary, FlowVersionView } from './schemas.ts';

const versionSelect = {
  id: true,
  version: true,
  hash: true,
  note: true,
  publishedAt: true,
  publishedById: true,
} as const;

export async function listFlowVersions(flowId: string, ctx: TenantContext): Promise<{ items: FlowVersionSummary[] }> {
  const flow = await getFlowRow(ctx.db, flowId);
  const rows = await ctx.db.flowVersion.findMany({
    where: { flowId },
    orderBy: { version: 'desc' },
    select: versionSelect,
  });
  return { items: rows.map((row) => ({ ...row, isActive: row.id === flow.activeVersionId })) };
}

export async function getFlowVersion(flowId: string, version: number, ctx: TenantContext): Promise<FlowVersionView> {
  const flow = await getFlowRow(ctx.db, flowId);
  const row = await ctx.db.flowVersion.findUnique({
    where: { flowId_version: { flowId, version } },
    select: { ...versionSelect, document: true, program: true },
  });
  if (!row) {
    throw AppError.notFound(`Version ${version} of this flow`);
  }
  return {
    ...row,
    isActive: row.id === flow.activeVersionId,
    document: row.document as Record<string, unknown>,
    program: row.program as Record<string, unknown>,
  };
}
