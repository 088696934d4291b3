// One field of the inspector: label (with room for a picker or preview toggle and a character
// count), the control, a hint, and the diagnostics placed on its path, all wired for screen readers.
import { useId, type ReactNode } from 'react';
import { cx } from '../../../lib/cx.ts';
import { useInspector } from '../inspector-context.ts';
import { DiagnosticList } from './diagnostic-list.tsx';

export type FieldWiring = {
  id: string;
  /** Spread on the control: its id and aria wiring. */
  control: { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };
};

type Count = { used: number; limit: number };

/** The full name of a field: its card's name and its own label. */
export const fullLabel = (label: string, context?: string) => (context ? `${context} ${label}` : label);

/** The ids and aria props of a field at `path`; `problem` is a client-side error of its own. */
export function useFieldWiring(path: string | undefined, hint: ReactNode, count?: Count, problem?: string | null) {
  const id = useId();
  const { diagnosticsAt, nodeId } = useInspector();
  const diagnostics = path === undefined ? [] : diagnosticsAt(path);
  const hasMessages = diagnostics.length > 0 || Boolean(problem);
  const hasError = Boolean(problem) || diagnostics.some((d) => d.severity === 'error');
  const describedBy = [
    hasMessages ? `${id}-messages` : undefined,
    hint ? `${id}-hint` : undefined,
    count && `${id}-count`,
  ]
    .filter(Boolean)
    .join(' ');
  const control = {
    id,
    'aria-invalid': hasError ? (true as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
  return { id, control, diagnostics, nodeId, hasMessages };
}

type FieldShellProps = {
  label: string;
  /** Said before the label to screen readers only (the card shows it): "Button 2" + "Title". */
  context?: string;
  path?: string;
  hint?: ReactNode;
  count?: Count;
  problem?: string | null;
  /** Buttons beside the label (variable picker, preview). */
  actions?: ReactNode;
  className?: string;
  children: (wiring: FieldWiring) => ReactNode;
};

export function FieldShell(props: FieldShellProps) {
  const { label, context, path, hint, count, problem, actions, className, children } = props;
  const wiring = useFieldWiring(path, hint, count, problem);
  const { id } = wiring;
  return (
    <div className={cx('field inspector-field', className)}>
      <div className="inspector-label-row">
        <label htmlFor={id} className="field-label">
          {context && <span className="visually-hidden">{context} </span>}
          {label}
        </label>
        <span className="inspector-label-extras">
          {actions}
          {count && (
            <span id={`${id}-count`} className={cx('field-count', count.used > count.limit && 'is-over')}>
              {count.used}/{count.limit}
              <span className="visually-hidden"> characters</span>
            </span>
          )}
        </span>
      </div>
      {children(wiring)}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <DiagnosticList id={`${id}-messages`} diagnostics={wiring.diagnostics} nodeId={wiring.nodeId} problem={problem} />
    </div>
  );
}
