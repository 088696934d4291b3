import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from './field.tsx';
import { useTextControl } from './use-text-control.ts';
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
  const { field, control } = useTextControl(form, name, hint, characterLimit);
  return (
    <Field label={label} hint={hint} {...field}>
      <input type={type} className="input" {...control} {...rest} />
    </Field>
  );
}
