import type { TenantContext } from '../context.ts';
import { insertFlow } from './create-flow.ts';
import { getFlowRow, readDraft } from './flow-view.ts';
import type { FlowView } from './schemas.ts';

/** A new draft flow with a copy of the draft; versions and sessions stay with the original. */
export async function duplicateFlow(flowId: string, ctx: TenantContext): Promise<FlowView> {
  const source = await getFlowRow(ctx.db, flowId);
  return insertFlow(ctx, {
    name: `Copy of ${source.name}`.slice(0, 80),
    description: source.description,
    document: readDraft(source),
    action: 'flow.duplicated',
  });
}
