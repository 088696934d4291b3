// Keyboard moves through the list without the mouse: J/K (outside text fields) or Alt+ArrowDown/
// Alt+ArrowUp (anywhere, also while typing a reply) open the next or previous conversation.
import { useEffect } from 'react';

export function useListShortcuts(ids: string[], openId: string | null, open: (id: string) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const isTyping = target?.closest('input, textarea, select, [contenteditable="true"]') !== null;
      const step =
        event.altKey && event.key === 'ArrowDown'
          ? 1
          : event.altKey && event.key === 'ArrowUp'
            ? -1
            : !isTyping && !event.ctrlKey && !event.metaKey && !event.altKey && event.key === 'j'
              ? 1
              : !isTyping && !event.ctrlKey && !event.metaKey && !event.altKey && event.key === 'k'
                ? -1
                : 0;
      if (step === 0 || ids.length === 0) {
        return;
      }
      const index = openId ? ids.indexOf(openId) : -1;
      const next = ids[Math.min(Math.max(index + step, 0), ids.length - 1)];
      if (next && next !== openId) {
        event.preventDefault();
        open(next);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [ids, openId, open]);
}
