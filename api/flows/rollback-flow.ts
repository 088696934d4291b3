// Rollback points the flow back at an older published version: new sessions run exactly the
// program that ran before (no recompilation, so a compiler change cannot alter it), history stays
// append-only, and the draft is left as it is. The next publish still takes number max+1.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { flowSelect, getFlowRow, toFlowView } from './flow-view.ts';
import { invalidateFlowTriggers } from './routing/active-triggers.ts';
import type { FlowView } from './schemas.ts';

export async function rollbackFlow(flowId: string, version: number, ctx: TenantContext): Promise<FlowView> {
  const flow = await getFlowRow(ctx.db, flowId);
  const target = await ctx.db.flowVersion.findUnique({
    where: { flowId_version: { flowId, version } },
    select: { id: true, document: true },
  });
  if (!target) {
    throw AppError.field('version', `is not a published version of "${flow.name}"`, 'NOT_FOUND');
  }
  // Routing reads the trigger from the flow row: it must be the active version's.
  const { trigger } = target.document as { trigger?: object };
  const row = await ctx.db.flow.update({
    where: { id: flowId },
    data: { activeVersionId: target.id, ...(trigger ? { trigger } : {}) },
    select: flowSelect,
  });
  invalidateFlowTriggers(ctx.db.tenantId);
  await audit(ctx, {
    action: 'flow.rolled_back',
    targetType: 'flow',
    targetId: flowId,
    metadata: { from: flow.activeVersion?.version ?? null, to: version },
  });
  return toFlowView(row);
}
