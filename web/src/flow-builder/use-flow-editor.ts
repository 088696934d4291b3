// The builder's state: the document (with undo/redo), the selection, the clipboard and the live
// diagnostics. Every edit goes through `change`, so autosave, validation and history see them all.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FlowDocument } from '#flow-dsl/document';
import { validateFlow, type Diagnostic } from '#flow-dsl/validate';
import { copyNodes, paste, removeElements, type Clipboard } from './document-ops.ts';
import { record, redo, startHistory, undo, type History } from './history.ts';

const VALIDATE_AFTER_MS = 250;
const PASTE_OFFSET = { x: 40, y: 40 };

export type FlowEditor = ReturnType<typeof useFlowEditor>;

/**
 * `initial` is read once, when the builder opens; `initialDiagnostics` are the server's for it
 * (validating a large flow again before the first paint would only delay it).
 */
export function useFlowEditor(
  initial: () => FlowDocument,
  flowId: string,
  { readOnly = false, initialDiagnostics }: { readOnly?: boolean; initialDiagnostics?: Diagnostic[] } = {},
) {
  const [history, setHistory] = useState<History>(() => startHistory(initial()));
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const clipboard = useRef<Clipboard | null>(null);
  const document = history.present;

  /**
   * Records the next document. An updater must be pure (React may call it twice); edits that make
   * new ids compute the document first and pass it.
   */
  const change = useCallback(
    (next: FlowDocument | ((current: FlowDocument) => FlowDocument), coalesceKey: string | null = null) => {
      if (!readOnly) {
        const now = Date.now();
        setHistory((h) => record(h, typeof next === 'function' ? next(h.present) : next, coalesceKey, now));
      }
    },
    [readOnly],
  );

  const diagnostics = useDebouncedDiagnostics(document, flowId, initialDiagnostics);
  const selectedNodeIds = useMemo(
    () => new Set(document.nodes.filter((n) => selected.has(n.id)).map((n) => n.id)),
    [document, selected],
  );

  const actions = useMemo(
    () => ({
      undo: () => setHistory(undo),
      redo: () => setHistory(redo),
      select: (ids: Iterable<string>) => setSelected(new Set(ids)),
      copy: () => {
        clipboard.current = copyNodes(document, selectedNodeIds);
      },
      paste: () => {
        const copied = clipboard.current;
        if (!copied || copied.nodes.length === 0) {
          return;
        }
        const result = paste(document, copied, PASTE_OFFSET);
        change(result.document);
        setSelected(new Set(result.nodeIds));
        // Pasting again offsets again, so copies do not pile up on one spot.
        clipboard.current = copyNodes(result.document, new Set(result.nodeIds));
      },
      duplicate: () => {
        const result = paste(document, copyNodes(document, selectedNodeIds), PASTE_OFFSET);
        change(result.document);
        setSelected(new Set(result.nodeIds));
      },
      deleteSelection: () => {
        change((d) => removeElements(d, selected, selected));
        setSelected(new Set());
      },
    }),
    [change, document, selected, selectedNodeIds],
  );

  return {
    document,
    change,
    diagnostics,
    selected,
    selectedNodeIds,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    ...actions,
  };
}

/** Validation runs once edits pause (a drag or typing changes the document many times a second). */
function useDebouncedDiagnostics(document: FlowDocument, flowId: string, initial?: Diagnostic[]): Diagnostic[] {
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>(() => initial ?? validateFlow(document, { flowId }));
  const [opened] = useState(document);
  useEffect(() => {
    if (document === opened && initial) {
      return;
    }
    const timer = setTimeout(() => setDiagnostics(validateFlow(document, { flowId })), VALIDATE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [document, flowId, opened, initial]);
  return diagnostics;
}
