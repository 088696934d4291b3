import type { TenantContext } from '../context.ts';
import { getFlowRow, toFlowView } from './flow-view.ts';
import type { FlowView } from './schemas.ts';

/** One flow with its draft and the draft's diagnostics. */
export async function getFlow(flowId: string, ctx: TenantContext): Promise<FlowView> {
  return toFlowView(await getFlowRow(ctx.db, flowId));
}
