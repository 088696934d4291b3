// Keyboard shortcuts of the canvas: undo/redo, copy/paste/duplicate, select all. Ignored while the
// user types in a field (the inspector's inputs keep their own undo and clipboard).
import { useEffect, useRef } from 'react';
import type { FlowEditor } from './use-flow-editor.ts';

const SHORTCUTS: Record<string, (editor: FlowEditor) => void> = {
  z: (e) => e.undo(),
  'shift+z': (e) => e.redo(),
  y: (e) => e.redo(),
  c: (e) => e.copy(),
  v: (e) => e.paste(),
  d: (e) => e.duplicate(),
  a: (e) => e.select(e.document.nodes.map((n) => n.id)),
};

export function useShortcuts(editor: FlowEditor, enabled: boolean) {
  const current = useRef(editor);
  useEffect(() => {
    current.current = editor;
  }, [editor]);
  useEffect(() => {
    if (!enabled) {
      return;
    }
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) {
        return;
      }
      const mod = event.metaKey || event.ctrlKey;
      if (!mod) {
        return;
      }
      const key = `${event.shiftKey ? 'shift+' : ''}${event.key.toLowerCase()}`;
      const action = SHORTCUTS[key];
      if (action) {
        event.preventDefault();
        action(current.current);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
