// The switch routing obeys: an inactive flow keeps its versions but no trigger starts it.
// Sessions already running are not stopped (cancel them one by one if needed).
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { flowSelect, getFlowRow, toFlowView } from './flow-view.ts';
import { invalidateFlowTriggers } from './routing/active-triggers.ts';
import type { FlowView } from './schemas.ts';

export async function setFlowActive(flowId: string, isActive: boolean, ctx: TenantContext): Promise<FlowView> {
  const flow = await getFlowRow(ctx.db, flowId);
  if (isActive && !flow.activeVersionId) {
    throw new AppError('CONFLICT', `"${flow.name}" has never been published: publish it to activate it`);
  }
  const row = await ctx.db.flow.update({ where: { id: flowId }, data: { isActive }, select: flowSelect });
  invalidateFlowTriggers(ctx.db.tenantId);
  await audit(ctx, {
    action: isActive ? 'flow.activated' : 'flow.deactivated',
    targetType: 'flow',
    targetId: flowId,
    metadata: { name: flow.name },
  });
  return toFlowView(row);
}
