// validateFlow: every problem in a document, as diagnostics the builder paints on the canvas.
// Errors block publishing (compile.ts refuses them); warnings do not. Pure and total: any input,
// even not a document at all, yields diagnostics rather than an exception.
import { error, type Diagnostic } from './validation/diagnostic.ts';
import { expressionRules } from './validation/expression-rules.ts';
import { fieldRules } from './validation/field-rules.ts';
import { graphRules } from './validation/graph-rules.ts';
import { limitRules } from './validation/limit-rules.ts';
import { parseForValidation } from './validation/schema-rules.ts';
import { variableRules } from './validation/variable-rules.ts';

export { DIAGNOSTIC_CODES, hasErrors, type Diagnostic, type DiagnosticCode } from './validation/diagnostic.ts';

export type ValidateOptions = {
  /** The flow's own id, so a jump_to_flow back to it can be checked (`invalid_jump`). */
  flowId?: string;
};

/**
 * Migrates `raw` to the latest version, then checks it: the schema first (nothing else can be
 * checked on a document that does not parse), then graph, fields, limits, expressions, variables.
 */
export function validateFlow(raw: unknown, options: ValidateOptions = {}): Diagnostic[] {
  const { document, diagnostics } = parseForValidation(raw);
  if (document === null) {
    return diagnostics.length > 0 ? diagnostics : [error('schema_invalid', 'Not a flow document.')];
  }
  return [
    ...graphRules(document, options),
    ...fieldRules(document),
    ...limitRules(document),
    ...expressionRules(document),
    ...variableRules(document),
  ];
}
