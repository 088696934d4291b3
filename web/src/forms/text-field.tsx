import type { InputHTMLAttributes, ReactNode } from 'react';
import { describedBy, Field } from './field.tsx';
import type { FormApi, FormSchema } from './use-zod-form.ts';

type TextFieldProps<S extends FormSchema> = Omit<InputHTMLAttributes<HTMLInputElement>, 'form' | 'name'> & {
  form: FormApi<S>;
  name: keyof FormApi<S>['values'] & string;
  label: string;
  hint?: ReactNode;
  /** Counts the characters against this limit as the user types (the schema enforces it). */
  characterLimit?: number;
};

export function TextField<S extends FormSchema>({
  form,
  name,
  label,
  hint,
  characterLimit,
  type = 'text',
  ...rest
}: TextFieldProps<S>) {
  const id = form.idFor(name);
  const error = form.errors[name];
  const raw = form.values[name];
  const value = typeof raw === 'string' ? raw : '';
  const count = characterLimit === undefined ? undefined : { used: value.length, limit: characterLimit };
  return (
    <Field id={id} label={label} hint={hint} error={error} count={count}>
      <input
        id={id}
        name={name}
        type={type}
        className="input"
        value={value}
        onChange={(event) => form.setValue(name, event.target.value as FormApi<S>['values'][typeof name])}
        {...describedBy(id, error, hint, count !== undefined)}
        {...rest}
      />
    </Field>
  );
}
