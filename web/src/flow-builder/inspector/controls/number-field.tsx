// A number typed freely: the box keeps what the user types, and only a number within the schema's
// bounds reaches the node (anything else says why and is put back when the box loses focus).
import { useState, type ReactNode } from 'react';
import { numberProblem, parseTypedNumber } from '../model/numbers.ts';
import { FieldShell } from './field-shell.tsx';

type NumberFieldProps = {
  label: string;
  context?: string;
  path?: string;
  value: number | undefined;
  /** undefined: the box was emptied (only when `optional`). */
  onChange: (value: number | undefined) => void;
  min?: number;
  max?: number;
  integer?: boolean;
  unit?: string;
  optional?: boolean;
  hint?: ReactNode;
};

export function NumberField({ label, context, path, value, onChange, unit, hint, ...bounds }: NumberFieldProps) {
  const shown = value === undefined ? '' : String(value);
  const [text, setText] = useState(shown);
  const [editedFrom, setEditedFrom] = useState(shown);
  // A change from elsewhere (undo, another node's value) replaces what is typed.
  if (shown !== editedFrom) {
    setEditedFrom(shown);
    setText(shown);
  }
  const problem = numberProblem(text, bounds);
  const change = (next: string) => {
    setText(next);
    if (numberProblem(next, bounds) === null) {
      const parsed = next.trim() === '' ? undefined : parseTypedNumber(next);
      setEditedFrom(parsed === undefined ? '' : String(parsed));
      onChange(parsed);
    }
  };
  return (
    <FieldShell label={label} context={context} path={path} hint={hint} problem={problem}>
      {({ control }) => (
        <div className="inspector-inline">
          <input
            type="text"
            inputMode={bounds.integer ? 'numeric' : 'decimal'}
            className="input inspector-number"
            value={text}
            onChange={(event) => change(event.target.value)}
            onBlur={() => setText(shown)}
            {...control}
          />
          {unit && <span className="inspector-unit">{unit}</span>}
        </div>
      )}
    </FieldShell>
  );
}
