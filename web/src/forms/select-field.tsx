import type { ReactNode, SelectHTMLAttributes } from 'react';
import { describedBy, Field } from './field.tsx';
import type { FormApi, FormSchema } from './use-zod-form.ts';

export type SelectOption = { value: string; label: string };

type SelectFieldProps<S extends FormSchema> = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'form' | 'name'> & {
  form: FormApi<S>;
  name: keyof FormApi<S>['values'] & string;
  label: string;
  options: SelectOption[];
  hint?: ReactNode;
};

export function SelectField<S extends FormSchema>({ form, name, label, options, hint, ...rest }: SelectFieldProps<S>) {
  const id = form.idFor(name);
  const error = form.errors[name];
  const value = form.values[name];
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        className="input select"
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => form.setValue(name, event.target.value as FormApi<S>['values'][typeof name])}
        {...describedBy(id, error, hint)}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
