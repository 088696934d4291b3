// A few exclusive choices shown side by side (segmented radios): a fieldset whose legend is the
// question, so each radio is announced with it; arrow keys move between them.
import { useId, type ReactNode } from 'react';
import { cx } from '../../../lib/cx.ts';
import type { SelectOption } from '../field-options.ts';
import { useInspector } from '../inspector-context.ts';
import { DiagnosticList } from './diagnostic-list.tsx';

type ChoiceFieldProps<V extends string> = {
  label: string;
  value: V;
  options: ReadonlyArray<SelectOption & { value: V }>;
  onChange: (value: V) => void;
  path?: string;
  hint?: ReactNode;
  /** Keeps the legend for screen readers only (the choice explains itself). */
  hideLabel?: boolean;
};

export function ChoiceField<V extends string>({
  label,
  value,
  options,
  onChange,
  path,
  hint,
  hideLabel,
}: ChoiceFieldProps<V>) {
  const name = useId();
  const { diagnosticsAt, nodeId } = useInspector();
  return (
    <fieldset className="plain-fieldset inspector-choice">
      <legend className={cx('field-label', hideLabel && 'visually-hidden')}>{label}</legend>
      <div className="inspector-segmented">
        {options.map((option) => (
          <label key={option.value} className="inspector-segment">
            <input type="radio" name={name} checked={value === option.value} onChange={() => onChange(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {hint && <p className="field-hint">{hint}</p>}
      {path && <DiagnosticList diagnostics={diagnosticsAt(path)} nodeId={nodeId} />}
    </fieldset>
  );
}
