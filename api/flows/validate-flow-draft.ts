import { validateFlow } from '#flow-dsl/validate';
import type { TenantContext } from '../context.ts';
import { getFlowRow, readDraft } from './flow-view.ts';
import type { FlowDiagnostic } from './schemas.ts';

/** The saved draft's diagnostics (errors block publishing, warnings do not). */
export async function validateFlowDraft(
  flowId: string,
  ctx: TenantContext,
): Promise<{ diagnostics: FlowDiagnostic[] }> {
  return { diagnostics: validateFlow(readDraft(await getFlowRow(ctx.db, flowId)), { flowId }) };
}
