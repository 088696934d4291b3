// The diagnostics of one field or item, errors first, in words without the node id.
import type { Diagnostic } from '#flow-dsl/validate';
import { cx } from '../../../lib/cx.ts';
import { diagnosticText } from '../diagnostic-placement.ts';

type DiagnosticListProps = {
  id?: string;
  diagnostics: readonly Diagnostic[];
  nodeId: string;
  /** A problem the inspector sees itself (not valid JSON, a number out of range). */
  problem?: string | null;
};

export function DiagnosticList({ id, diagnostics, nodeId, problem }: DiagnosticListProps) {
  if (diagnostics.length === 0 && !problem) {
    return null;
  }
  const sorted = [...diagnostics].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'));
  return (
    <ul id={id} className="inspector-diagnostics">
      {problem && <li className="is-error">{problem}</li>}
      {sorted.map((diagnostic, index) => (
        <li
          key={`${diagnostic.code}-${index}`}
          className={cx(diagnostic.severity === 'error' ? 'is-error' : 'is-warning')}
        >
          <span className="visually-hidden">{diagnostic.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
          {diagnosticText(diagnostic, nodeId)}
        </li>
      ))}
    </ul>
  );
}
