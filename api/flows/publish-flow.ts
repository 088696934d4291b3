// Publishing freezes the draft as FlowVersion n+1 (document, compiled program, hash) and makes it
// the version new sessions run. Sessions in progress keep the program they started with (it is
// part of their workflow input). Publishing also switches the flow on: it is what "go live" means.
// An optional note says what changed; a blank one is stored as none.
import type { TenantContext } from '../context.ts';
import { isUniqueViolation } from '#db/errors';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { compileDraft } from './compile-draft.ts';
import { flowSelect, getFlowRow, readDraft, toFlowView } from './flow-view.ts';
import { invalidateFlowTriggers } from './routing/active-triggers.ts';
import type { FlowView, PublishFlowInput } from './schemas.ts';

/** `input` comes last and is optional: the demo seed publishes without one. */
export async function publishFlow(flowId: string, ctx: TenantContext, input: PublishFlowInput = {}): Promise<FlowView> {
  const current = await getFlowRow(ctx.db, flowId);
  const document = readDraft(current);
  const latest = await ctx.db.flowVersion.findFirst({
    where: { flowId },
    orderBy: { version: 'desc' },
    select: { version: true },
  });
  const version = (latest?.version ?? 0) + 1;
  const program = compileDraft(document, flowId, version);
  const row = await ctx.db
    .transaction(async (tx) => {
      const created = await tx.flowVersion.create({
        data: {
          tenantId: ctx.db.tenantId,
          flowId,
          version,
          document: document as object,
          program: program as object,
          hash: program.hash,
          note: input.note || null,
          publishedById: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
        },
        select: { id: true },
      });
      return tx.flow.update({
        where: { id: flowId, tenantId: ctx.db.tenantId },
        data: { activeVersionId: created.id, isActive: true, trigger: document.trigger as object },
        select: flowSelect,
      });
    })
    .catch((error: unknown) => {
      // Two publishes raced for the same number: (flowId, version) is unique.
      throw isUniqueViolation(error) ? new AppError('CONFLICT', 'The flow was published meanwhile: try again') : error;
    });
  invalidateFlowTriggers(ctx.db.tenantId);
  await audit(ctx, {
    action: 'flow.published',
    targetType: 'flow',
    targetId: flowId,
    metadata: { version, ...(input.note ? { note: input.note } : {}) },
  });
  return toFlowView(row);
}
