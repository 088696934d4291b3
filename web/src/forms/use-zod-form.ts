// Form state validated by the same zod schema the API uses. Client-side issues and the server's
// details.fields both land on the matching input; anything else becomes the form's own error.
import { useCallback, useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/api-error.ts';

export type FormSchema = z.ZodType<unknown, Record<string, unknown>>;
type FieldName<S extends FormSchema> = keyof z.input<S> & string;

export type FormApi<S extends FormSchema> = {
  values: z.input<S>;
  errors: Partial<Record<string, string>>;
  /** A failure not tied to one input (wrong password, rate limit, network). */
  formError: unknown;
  isSubmitting: boolean;
  idFor: (name: FieldName<S>) => string;
  setValue: <K extends FieldName<S>>(name: K, value: z.input<S>[K]) => void;
  handleSubmit: (onValid: (data: z.output<S>) => Promise<void>) => (event: FormEvent) => void;
  reset: (values: z.input<S>) => void;
};

export function useZodForm<S extends FormSchema>(schema: S, initialValues: z.input<S>): FormApi<S> {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [isSubmitting, setSubmitting] = useState(false);
  const baseId = useId();
  const idFor = useCallback((name: string) => `${baseId}-${name}`, [baseId]);

  const setValue = useCallback(<K extends FieldName<S>>(name: K, value: z.input<S>[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => (current[name] ? { ...current, [name]: undefined } : current));
  }, []);

  const applyFailure = (failure: unknown) => {
    const known = failure instanceof ApiError ? failure.fields.filter((f) => f.field in values) : [];
    setErrors(Object.fromEntries(known.map((f) => [f.field, f.message])));
    const isFullyPlaced = failure instanceof ApiError && known.length > 0 && known.length === failure.fields.length;
    setFormError(isFullyPlaced ? null : failure);
    focusField(known[0]?.field);
  };

  const focusField = (name: string | undefined) => {
    if (name) {
      document.getElementById(idFor(name))?.focus();
    }
  };

  const handleSubmit = (onValid: (data: z.output<S>) => Promise<void>) => (event: FormEvent) => {
    event.preventDefault();
    if (isSubmitting) {
      return;
    }
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => [String(issue.path[0] ?? ''), issue.message] as const);
      setErrors(Object.fromEntries([...issues].reverse()));
      setFormError(null);
      focusField(issues[0]?.[0]);
      return;
    }
    setErrors({});
    setFormError(null);
    setSubmitting(true);
    void onValid(parsed.data)
      .catch(applyFailure)
      .finally(() => setSubmitting(false));
  };

  const reset = useCallback((next: z.input<S>) => {
    setValues(next);
    setErrors({});
    setFormError(null);
  }, []);

  return { values, errors, formError, isSubmitting, idFor, setValue, handleSubmit, reset };
}
