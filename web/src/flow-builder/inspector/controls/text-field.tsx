// Plain text: one line (names, ids, titles with a WhatsApp limit) or several (AI knowledge).
import type { ReactNode } from 'react';
import { cx } from '../../../lib/cx.ts';
import { FieldShell } from './field-shell.tsx';

type TextFieldProps = {
  label: string;
  context?: string;
  path?: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  limit?: number;
  placeholder?: string;
  multiline?: boolean;
  mono?: boolean;
  problem?: string | null;
  list?: string;
  autoFocus?: boolean;
};

export function TextField({
  label,
  context,
  path,
  value,
  onChange,
  hint,
  limit,
  multiline,
  mono,
  ...rest
}: TextFieldProps) {
  const count = limit === undefined ? undefined : { used: value.length, limit };
  return (
    <FieldShell label={label} context={context} path={path} hint={hint} count={count} problem={rest.problem}>
      {({ control }) =>
        multiline ? (
          <textarea
            className={cx('input textarea', mono && 'inspector-mono')}
            rows={5}
            value={value}
            placeholder={rest.placeholder}
            onChange={(event) => onChange(event.target.value)}
            {...control}
          />
        ) : (
          <input
            type="text"
            className={cx('input', mono && 'inspector-mono')}
            value={value}
            placeholder={rest.placeholder}
            list={rest.list}
            autoFocus={rest.autoFocus}
            onChange={(event) => onChange(event.target.value)}
            {...control}
          />
        )
      }
    </FieldShell>
  );
}
