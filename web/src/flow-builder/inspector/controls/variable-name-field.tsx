// A variable name: suggests the flow's variables and keeps what is typed a valid identifier.
import { useId, type ReactNode } from 'react';
import { useInspector } from '../inspector-context.ts';
import { toIdentifier } from '../model/names.ts';
import { TextField } from './text-field.tsx';

type VariableNameFieldProps = {
  label: string;
  context?: string;
  path?: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
};

export function VariableNameField({ label, context, path, value, onChange, hint }: VariableNameFieldProps) {
  const listId = useId();
  const { variables } = useInspector();
  return (
    <>
      <TextField
        label={label}
        context={context}
        path={path}
        value={value}
        hint={hint ?? 'Letters, digits and _ only.'}
        placeholder="e.g. email"
        mono
        list={listId}
        onChange={(next) => onChange(toIdentifier(next))}
      />
      <datalist id={listId}>
        {variables.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}
