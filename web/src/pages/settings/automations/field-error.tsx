// The API's message for one field path, shown under its input.
export type ErrorFor = (path: string) => string | undefined;

export function FieldError({ message }: { message: string | undefined }) {
  return message ? <p className="field-error">{message}</p> : null;
}
