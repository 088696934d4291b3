import type { ReactNode } from 'react';
import type { FormApi, FormSchema } from './use-zod-form.ts';
import { describedBy, fieldErrorText } from './field.tsx';

type ToggleFieldProps<S extends FormSchema> = {
  form: FormApi<S>;
  name: keyof FormApi<S>['values'] & string;
  label: string;
  hint?: ReactNode;
  disabled?: boolean;
};

/** A boolean setting drawn as a switch; still a labelled checkbox underneath. */
export function ToggleField<S extends FormSchema>({ form, name, label, hint, disabled }: ToggleFieldProps<S>) {
  const id = form.idFor(name);
  const error = form.errors[name];
  return (
    <div className="field toggle-field">
      <input
        id={id}
        name={name}
        type="checkbox"
        role="switch"
        className="switch"
        checked={form.values[name] === true}
        disabled={disabled}
        onChange={(event) => form.setValue(name, event.target.checked as FormApi<S>['values'][typeof name])}
        {...describedBy(id, error, hint)}
      />
      <div>
        <label htmlFor={id} className="field-label">
          {label}
        </label>
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
    </div>
  );
}
