// Inserts a picked reference where the caret of an input or text area was, then puts the caret
// after it once the new value has rendered.
import { useRef } from 'react';
import { insertAtCursor } from '../model/template-insert.ts';

export function useInsertAtCursor<E extends HTMLInputElement | HTMLTextAreaElement>(
  value: string,
  onChange: (value: string) => void,
) {
  const ref = useRef<E>(null);
  const insert = (token: string) => {
    const element = ref.current;
    const next = insertAtCursor(value, element?.selectionStart ?? null, element?.selectionEnd ?? null, token);
    onChange(next.value);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.caret, next.caret);
    });
  };
  return { ref, insert };
}
