// Drafts save themselves: a pause in editing sends the document (one request at a time, the
// newest document wins), the state shows in the toolbar, and leaving with unsaved work warns.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FlowView } from '#api/flows/schemas';
import type { FlowDocument } from '#flow-dsl/document';
import { flowKey, updateFlow } from '../api/flows-api.ts';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'error';

const SAVE_AFTER_MS = 800;

export function useAutosave(flowId: string, document: FlowDocument, enabled: boolean) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SaveState>('saved');
  const saved = useRef(document);
  const latest = useRef(document);
  const inFlight = useRef<Promise<void> | null>(null);
  useEffect(() => {
    latest.current = document;
  }, [document]);

  const save = useCallback(async (): Promise<void> => {
    if (inFlight.current) {
      await inFlight.current; // then save whatever is newest by now
    }
    const sending = latest.current;
    if (sending === saved.current) {
      setState('saved');
      return;
    }
    setState('saving');
    inFlight.current = updateFlow(flowId, { document: sending })
      .then((view: FlowView) => {
        saved.current = sending;
        queryClient.setQueryData(flowKey(flowId), view);
        setState(latest.current === sending ? 'saved' : 'unsaved');
      })
      .catch(() => setState('error'))
      .finally(() => {
        inFlight.current = null;
      });
    await inFlight.current;
  }, [flowId, queryClient]);

  useEffect(() => {
    if (!enabled || document === saved.current) {
      return;
    }
    setState((s) => (s === 'saving' ? s : 'unsaved'));
    const timer = setTimeout(() => void save(), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [document, enabled, save]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current !== saved.current) {
        event.preventDefault();
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (enabled && latest.current !== saved.current) {
        void save(); // leaving the builder inside the app: keep the last edits
      }
    };
  }, [enabled, save]);

  return { state, saveNow: save };
}
