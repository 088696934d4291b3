// What a single- or multi-line text input needs from the form: its id, value, error, character
// count, change handler and aria wiring. TextField and TextAreaField differ only in the element.
import type { ChangeEvent, ReactNode } from 'react';
import { describedBy } from './field.tsx';
import type { FormApi, FormSchema } from './use-zod-form.ts';

export function useTextControl<S extends FormSchema>(
  form: FormApi<S>,
  name: keyof FormApi<S>['values'] & string,
  hint: ReactNode,
  characterLimit: number | undefined,
) {
  const id = form.idFor(name);
  const error = form.errors[name];
  const raw = form.values[name];
  const value = typeof raw === 'string' ? raw : '';
  const count = characterLimit === undefined ? undefined : { used: value.length, limit: characterLimit };
  const control = {
    id,
    name,
    value,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      form.setValue(name, event.target.value as FormApi<S>['values'][typeof name]),
    ...describedBy(id, error, hint, count !== undefined),
  };
  return { field: { id, error, count }, control };
}
