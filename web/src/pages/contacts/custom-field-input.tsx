// One custom field in the contact form, rendered by its type: text, number, date, a dropdown, a
// set of checkboxes for a multi-select, a checkbox. The server validates; its message for
// `fields.<key>` shows under the input.
import type { CustomFieldView } from '#api/contacts/schemas';

export type FieldDraft = string | boolean | string[];

type Props = { field: CustomFieldView; value: FieldDraft; error?: string; onChange: (value: FieldDraft) => void };

export function CustomFieldInput({ field, value, error, onChange }: Props) {
  const id = `contact-field-${field.key}`;
  const describedBy = error ? `${id}-error` : undefined;
  const label = `${field.label}${field.required ? ' *' : ''}`;
  let control;
  if (field.type === 'checkbox') {
    control = (
      <label className="contact-check">
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.checked)}
        />
        {field.label}
      </label>
    );
  } else if (field.type === 'multi_select') {
    const picked = Array.isArray(value) ? value : [];
    control = (
      <div id={id} role="group" aria-label={field.label} aria-describedby={describedBy} className="contact-choices">
        {field.options.map((option) => (
          <label key={option} className="contact-check">
            <input
              type="checkbox"
              checked={picked.includes(option)}
              onChange={(event) =>
                onChange(event.target.checked ? [...picked, option] : picked.filter((item) => item !== option))
              }
            />
            {option}
          </label>
        ))}
      </div>
    );
  } else if (field.type === 'dropdown') {
    control = (
      <select
        id={id}
        className="input"
        value={typeof value === 'string' ? value : ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">—</option>
        {field.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        id={id}
        className="input"
        type={field.type === 'date' ? 'date' : 'text'}
        inputMode={field.type === 'number' ? 'decimal' : undefined}
        value={typeof value === 'string' ? value : ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <div className="field">
      {field.type !== 'checkbox' && (
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
      )}
      {control}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The form's draft of a stored value. */
export function toDraft(field: CustomFieldView, value: unknown): FieldDraft {
  if (field.type === 'checkbox') {
    return value === true;
  }
  if (field.type === 'multi_select') {
    return Array.isArray(value) ? value.map(String) : [];
  }
  return value === undefined || value === null ? '' : String(value as string | number);
}

/** What the API receives for a draft: text as typed (the server parses it), null for empty. */
export function fromDraft(field: CustomFieldView, draft: FieldDraft): unknown {
  if (field.type === 'checkbox') {
    return draft === true;
  }
  if (Array.isArray(draft)) {
    return draft.length > 0 ? draft : null;
  }
  return draft === '' ? null : draft;
}

/** A stored value as text for tables and the detail page. */
export function formatFieldValue(value: unknown): string {
  if (value === undefined || value === null || value === '') {
    return '—';
  }
  if (Array.isArray(value)) {
    return value.join(', ');
  }
  if (typeof value === 'boolean') {
    return value ? 'Yes' : 'No';
  }
  return String(value as string | number);
}
