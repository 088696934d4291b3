// A new flow is a draft: nothing starts it until it is published.
import type { FlowDocument } from '#flow-dsl/document';
import type { TenantContext } from '../context.ts';
import { audit } from '../audit/record-audit.ts';
import { defaultFlowDocument } from './default-document.ts';
import { flowSelect, toFlowView } from './flow-view.ts';
import type { CreateFlowInput, FlowView } from './schemas.ts';

export async function createFlow(input: CreateFlowInput, ctx: TenantContext): Promise<FlowView> {
  return insertFlow(ctx, { name: input.name, description: input.description ?? '', document: input.document });
}

/** Shared by create, duplicate and import; the document's name always mirrors the flow's. */
export async function insertFlow(
  ctx: TenantContext,
  input: { name: string; description: string; document: FlowDocument | undefined; action?: string },
): Promise<FlowView> {
  const document = { ...(input.document ?? defaultFlowDocument(input.name)), name: input.name };
  const row = await ctx.db.flow.create({
    data: {
      tenantId: ctx.db.tenantId,
      name: input.name,
      description: input.description,
      draft: document as object,
      createdById: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
    },
    select: flowSelect,
  });
  await audit(ctx, {
    action: input.action ?? 'flow.created',
    targetType: 'flow',
    targetId: row.id,
    metadata: { name: input.name },
  });
  return toFlowView(row);
}
