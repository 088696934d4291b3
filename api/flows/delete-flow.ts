// Deleting a flow removes its versions and session history; refused while a session still runs,
// because the workflow would carry on for a flow that no longer exists.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { invalidateFlowTriggers } from './routing/active-triggers.ts';
import { getFlowRow } from './flow-view.ts';
import { LIVE_SESSION_STATUSES } from './session-statuses.ts';

export async function deleteFlow(flowId: string, ctx: TenantContext): Promise<void> {
  const flow = await getFlowRow(ctx.db, flowId);
  const live = await ctx.db.flowSession.count({ where: { flowId, status: { in: [...LIVE_SESSION_STATUSES] } } });
  if (live > 0) {
    throw new AppError(
      'CONFLICT',
      `"${flow.name}" has ${live} session(s) in progress: deactivate it and cancel or wait for them first`,
    );
  }
  await ctx.db.flow.delete({ where: { id: flowId } });
  invalidateFlowTriggers(ctx.db.tenantId);
  await audit(ctx, { action: 'flow.deleted', targetType: 'flow', targetId: flowId, metadata: { name: flow.name } });
}
