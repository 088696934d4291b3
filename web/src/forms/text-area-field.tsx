import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { describedBy, Field } from './field.tsx';
import type { FormApi, FormSchema } from './use-zod-form.ts';

type TextAreaFieldProps<S extends FormSchema> = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'form' | 'name'> & {
  form: FormApi<S>;
  name: keyof FormApi<S>['values'] & string;
  label: string;
  hint?: ReactNode;
  /** Counts the characters against this limit as the user types (the schema enforces it). */
  characterLimit?: number;
};

/** Several lines of text; like TextField otherwise. */
export function TextAreaField<S extends FormSchema>({
  form,
  name,
  label,
  hint,
  characterLimit,
  rows = 4,
  ...rest
}: TextAreaFieldProps<S>) {
  const id = form.idFor(name);
  const error = form.errors[name];
  const raw = form.values[name];
  const value = typeof raw === 'string' ? raw : '';
  const count = characterLimit === undefined ? undefined : { used: value.length, limit: characterLimit };
  return (
    <Field id={id} label={label} hint={hint} error={error} count={count}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        className="input textarea"
        value={value}
        onChange={(event) => form.setValue(name, event.target.value as FormApi<S>['values'][typeof name])}
        {...describedBy(id, error, hint, count !== undefined)}
        {...rest}
      />
    </Field>
  );
}
