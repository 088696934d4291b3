import type { TenantContext } from '../context.ts';
import { getFlowRow, readDraft } from './flow-view.ts';

/** The draft as a portable document: it carries its schemaVersion, so any later Parley can import it. */
export async function exportFlow(flowId: string, ctx: TenantContext): Promise<Record<string, unknown>> {
  return readDraft(await getFlowRow(ctx.db, flowId)) as unknown as Record<string, unknown>;
}
