// The variable picker: which references it offers, and inserting one where the caret is.

export type PickerToken = { token: string; label: string; group: 'Contact' | 'Variables' | 'Conversation' };

export function pickerTokens(variables: readonly string[]): PickerToken[] {
  return [
    { token: '{{contact.name}}', label: 'Name', group: 'Contact' },
    { token: '{{contact.phone}}', label: 'Phone', group: 'Contact' },
    ...[...new Set(variables)]
      .filter((name) => name !== '')
      .sort()
      .map((name): PickerToken => ({ token: `{{vars.${name}}}`, label: name, group: 'Variables' })),
    { token: '{{last_input}}', label: 'Last reply', group: 'Conversation' },
    { token: '{{http.status}}', label: 'HTTP status', group: 'Conversation' },
  ];
}

export function customFieldToken(key: string): string {
  return `{{contact.fields.${key}}}`;
}

/**
 * Replaces the selection (or inserts at the caret) with `token`; `caret` is where the cursor goes
 * after it. A selection past the end (a stale one) inserts at the end.
 */
export function insertAtCursor(
  value: string,
  selectionStart: number | null,
  selectionEnd: number | null,
  token: string,
): { value: string; caret: number } {
  const start = Math.min(selectionStart ?? value.length, value.length);
  const end = Math.max(start, Math.min(selectionEnd ?? start, value.length));
  return { value: value.slice(0, start) + token + value.slice(end), caret: start + token.length };
}
