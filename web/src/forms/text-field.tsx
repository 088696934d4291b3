import type { InputHTMLAttributes, ReactNode } from 'react';
import { describedBy, Field } from './field.tsx';
import type { FormApi, FormSchema } from './use-zod-form.ts';

type TextFieldProps<S extends FormSchema> = Omit<InputHTMLAttributes<HTMLInputElement>, 'form' | 'name'> & {
  form: FormApi<S>;
  name: keyof FormApi<S>['values'] & string;
  label: string;
  hint?: ReactNode;
};

export function TextField<S extends FormSchema>({
  form,
  name,
  label,
  hint,
  type = 'text',
  ...rest
}: TextFieldProps<S>) {
  const id = form.idFor(name);
  const error = form.errors[name];
  const value = form.values[name];
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type={type}
        className="input"
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => form.setValue(name, event.target.value as FormApi<S>['values'][typeof name])}
        {...describedBy(id, error, hint)}
        {...rest}
      />
    </Field>
  );
}
