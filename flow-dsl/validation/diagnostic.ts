// What the validator reports. Errors block publishing; warnings are shown on the canvas only.

export const DIAGNOSTIC_CODES = [
  'schema_invalid',
  'unknown_node_type',
  'missing_field',
  'missing_start',
  'multiple_starts',
  'duplicate_node_id',
  'edge_unknown_node',
  'edge_unknown_handle',
  'duplicate_output',
  'dangling_output',
  'unreachable_node',
  'undefined_variable',
  'loop_without_wait',
  'condition_type_error',
  'invalid_regex',
  'whatsapp_limit',
  'duplicate_handle_id',
  'invalid_jump',
  'invalid_weights',
  'invalid_timezone',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export type Diagnostic = {
  nodeId?: string;
  edgeId?: string;
  /** Where in the node's data (`buttons.1.title`) or the document (`trigger.keywords.0`) it is. */
  field?: string;
  severity: 'error' | 'warning';
  code: DiagnosticCode;
  message: string;
};

type Where = { nodeId?: string; edgeId?: string; field?: string };

export function error(code: DiagnosticCode, message: string, where: Where = {}): Diagnostic {
  return { ...where, severity: 'error', code, message };
}

export function warning(code: DiagnosticCode, message: string, where: Where = {}): Diagnostic {
  return { ...where, severity: 'warning', code, message };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
