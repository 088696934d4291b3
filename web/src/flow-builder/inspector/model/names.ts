// Variable names and custom-field keys are identifiers (`/^[a-zA-Z_][a-zA-Z0-9_]*$/`); the schema
// refuses anything else. Typing is forgiving instead: spaces and dashes become `_`, other
// characters are dropped and a leading digit gets a `_`, so what is stored always parses.

export function toIdentifier(raw: string): string {
  const cleaned = raw.replace(/[\s-]+/g, '_').replace(/[^a-zA-Z0-9_]/g, '');
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

export type ContactField = { kind: 'name' } | { kind: 'custom'; key: string } | { kind: 'none' };

/** update_contact's `field`: `name`, `fields.<key>` or blank. */
export function parseContactField(field: string): ContactField {
  if (field === 'name') {
    return { kind: 'name' };
  }
  return field.startsWith('fields.') ? { kind: 'custom', key: field.slice('fields.'.length) } : { kind: 'none' };
}

/** The stored form; a custom field without a key yet stays blank (the validator asks for it). */
export function formatContactField(field: ContactField): string {
  if (field.kind === 'name') {
    return 'name';
  }
  if (field.kind === 'custom') {
    const key = toIdentifier(field.key);
    return key === '' ? '' : `fields.${key}`;
  }
  return '';
}
