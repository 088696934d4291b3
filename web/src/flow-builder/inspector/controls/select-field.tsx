// A choice among fixed options.
import type { ReactNode } from 'react';
import type { SelectOption } from '../field-options.ts';
import { FieldShell } from './field-shell.tsx';

type SelectFieldProps<V extends string> = {
  label: string;
  context?: string;
  path?: string;
  value: V;
  options: readonly SelectOption[];
  onChange: (value: V) => void;
  hint?: ReactNode;
  /** Shown first with the value '' (e.g. "Choose a flow…"). */
  placeholder?: string;
};

export function SelectField<V extends string>({
  label,
  context,
  path,
  value,
  options,
  onChange,
  hint,
  placeholder,
}: SelectFieldProps<V>) {
  const isKnown = value === '' || options.some((option) => option.value === value);
  return (
    <FieldShell label={label} context={context} path={path} hint={hint}>
      {({ control }) => (
        <select
          className="input select"
          value={value}
          onChange={(event) => onChange(event.target.value as V)}
          {...control}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {!isKnown && <option value={value}>Unknown ({value})</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
