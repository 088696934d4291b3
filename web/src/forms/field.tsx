// Label, control, hint and error of one form input, tied together for assistive technology.
import type { ReactNode } from 'react';

type FieldProps = { id: string; label: string; hint?: ReactNode; error?: string; children: ReactNode };

export function Field({ id, label, hint, error, children }: FieldProps) {
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
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

/** Props that point an input at its hint or error text. */
export function describedBy(id: string, error: string | undefined, hint: ReactNode) {
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  } as const;
}

/** The API's field messages are predicates ("is required"): they read best after the label. */
export function fieldErrorText(label: string, message: string): string {
  if (/^(is|are|must|has|have|does|do|already|was|grants)\b/.test(message)) {
    return `${label} ${message}`;
  }
  return message.charAt(0).toUpperCase() + message.slice(1);
}
