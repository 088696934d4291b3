import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { Field } from './field.tsx';
import { useTextControl } from './use-text-control.ts';
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
  const { field, control } = useTextControl(form, name, hint, characterLimit);
  return (
    <Field label={label} hint={hint} {...field}>
      <textarea rows={rows} className="input textarea" {...control} {...rest} />
    </Field>
  );
}
