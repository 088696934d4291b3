// What the composer suggests for the token at the caret: canned responses after `/` (replies),
// members after `@` (notes). Arrow keys move, Enter or Tab picks, Escape dismisses.
import { useState, type KeyboardEvent } from 'react';
import { useInboxMembers } from '../../../api/inbox-meta-api.ts';
import { useCannedResponses } from '../../../api/inbox-extras-api.ts';
import type { Suggestion } from './suggestion-list.tsx';
import { tokenAt, type TriggerToken } from './trigger-token.ts';

export type Suggestions = {
  token: TriggerToken | null;
  items: Suggestion[];
  activeIndex: number;
  isLoading: boolean;
  /** Handles the key when the popup is open; true when it did (the composer must not send). */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>, pick: (item: Suggestion) => void) => boolean;
  dismiss: () => void;
};

export function useSuggestions(text: string, caret: number, mode: 'reply' | 'note'): Suggestions {
  const [activeIndex, setActiveIndex] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const found = tokenAt(text, caret, mode === 'reply' ? ['/'] : ['@']);
  const token = found && found.start !== dismissedAt ? found : null;
  const canned = useCannedResponses(token?.trigger === '/' ? token.query : '', token?.trigger === '/');
  const members = useInboxMembers();

  const items = suggestionItems(token, canned.data ?? [], members.data ?? []);
  const active = Math.min(activeIndex, Math.max(items.length - 1, 0));

  return {
    token,
    items,
    activeIndex: active,
    isLoading: token?.trigger === '/' ? canned.isFetching : members.isPending,
    dismiss: () => setDismissedAt(found?.start ?? null),
    onKeyDown(event, pick) {
      if (!token) {
        return false;
      }
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActiveIndex((active + step + items.length) % Math.max(items.length, 1));
        return true;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && items[active]) {
        event.preventDefault();
        setActiveIndex(0);
        pick(items[active]);
        return true;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissedAt(token.start);
        return true;
      }
      return false;
    },
  };
}

function suggestionItems(
  token: TriggerToken | null,
  canned: Array<{ id: string; shortcut: string; title: string }>,
  members: Array<{ userId: string; name: string; email: string }>,
): Suggestion[] {
  if (token?.trigger === '/') {
    return canned.map((c) => ({ id: c.id, label: `/${c.shortcut}`, detail: c.title }));
  }
  if (token?.trigger === '@') {
    const query = token.query.toLowerCase();
    return members
      .filter((m) => m.name.toLowerCase().includes(query) || m.email.toLowerCase().startsWith(query))
      .slice(0, 8)
      .map((m) => ({ id: m.userId, label: m.name, detail: m.email }));
  }
  return [];
}
