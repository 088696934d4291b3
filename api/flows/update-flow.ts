// Saves the draft. A document that breaks the schema was already refused (400 naming the path) by
// the route; semantic problems (a dangling edge, an empty message) come back as diagnostics
// instead, because a draft is work in progress. Only publishing refuses them.
import type { TenantContext } from '../context.ts';
import { flowSelect, getFlowRow, readDraft, toFlowView } from './flow-view.ts';
import type { FlowView, UpdateFlowInput } from './schemas.ts';

export async function updateFlow(flowId: string, input: UpdateFlowInput, ctx: TenantContext): Promise<FlowView> {
  const current = await getFlowRow(ctx.db, flowId);
  const name = input.name ?? current.name;
  const document = input.document ?? (input.name !== undefined ? readDraft(current) : undefined);
  const row = await ctx.db.flow.update({
    where: { id: flowId },
    data: {
      name,
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(document ? { draft: { ...document, name } as object, draftUpdatedAt: new Date() } : {}),
    },
    select: flowSelect,
  });
  return toFlowView(row);
}
