// Validation then compilation of a draft, shared by publish (version n+1) and the test panel
// (version 0). A draft with errors is refused with its diagnostics so the builder can paint them.
import { compileFlow } from '#flow-dsl/compile';
import type { FlowDocument } from '#flow-dsl/document';
import type { FlowProgram } from '#flow-dsl/program';
import { validateFlow } from '#flow-dsl/validate';
import { AppError } from '../errors.ts';

export function compileDraft(document: FlowDocument, flowId: string, flowVersion: number): FlowProgram {
  const diagnostics = validateFlow(document, { flowId });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0]!.message;
    throw new AppError('UNPROCESSABLE', `The flow has ${errors.length} error(s) to fix first, e.g. ${first}`, {
      diagnostics,
    });
  }
  return compileFlow(document, { flowId, flowVersion });
}
