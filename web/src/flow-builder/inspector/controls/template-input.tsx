// One line that may hold {{…}} references (a URL, a value, a file name), with the variable picker.
import type { ReactNode } from 'react';
import { FieldShell, fullLabel } from './field-shell.tsx';
import { useInsertAtCursor } from './use-insert-at-cursor.ts';
import { VariablePicker } from './variable-picker.tsx';

type TemplateInputProps = {
  label: string;
  context?: string;
  path?: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  limit?: number;
  placeholder?: string;
  problem?: string | null;
  type?: 'text' | 'url';
};

export function TemplateInput({
  label,
  context,
  path,
  value,
  onChange,
  hint,
  limit,
  placeholder,
  ...rest
}: TemplateInputProps) {
  const { ref, insert } = useInsertAtCursor<HTMLInputElement>(value, onChange);
  const count = limit === undefined ? undefined : { used: value.length, limit };
  return (
    <FieldShell
      label={label}
      context={context}
      path={path}
      hint={hint}
      count={count}
      problem={rest.problem}
      actions={<VariablePicker fieldLabel={fullLabel(label, context)} onInsert={insert} />}
    >
      {({ control }) => (
        <input
          ref={ref}
          type="text"
          inputMode={rest.type === 'url' ? 'url' : undefined}
          className="input"
          value={value}
          placeholder={placeholder}
          onChange={(event) => onChange(event.target.value)}
          {...control}
        />
      )}
    </FieldShell>
  );
}
