// Label, control, hint and error of one form input, tied together for assistive technology.
import type { ReactNode } from 'react';
import { cx } from '../lib/cx.ts';

type FieldProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Shows "used/limit" beside the label; typing past the limit is allowed so pastes are not cut. */
  count?: { used: number; limit: number };
  children: ReactNode;
};

export function Field({ id, label, hint, error, count, children }: FieldProps) {
  const labelElement = (
    <label htmlFor={id} className="field-label">
      {label}
    </label>
  );
  return (
    <div className="field">
      {count ? (
        <div className="field-label-row">
          {labelElement}
          <span id={`${id}-count`} className={cx('field-count', count.used > count.limit && 'is-over')}>
            {count.used}/{count.limit}
            <span className="visually-hidden"> characters</span>
          </span>
        </div>
      ) : (
        labelElement
      )}
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {fieldErrorText(label, error)}
        </p>
      )}
    </div>
  );
}

/** Props that point an input at its hint or error text, and its character count if it has one. */
export function describedBy(id: string, error: string | undefined, hint: ReactNode, hasCount = false) {
  const message = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  const ids = [message, hasCount ? `${id}-count` : undefined].filter(Boolean).join(' ');
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': ids || undefined,
  } as const;
}

/** The API's field messages are predicates ("is required"): they read best after the label. */
export function fieldErrorText(label: string, message: string): string {
  if (/^(is|are|must|has|have|does|do|already|was|grants)\b/.test(message)) {
    return `${label} ${message}`;
  }
  return message.charAt(0).toUpperCase() + message.slice(1);
}
