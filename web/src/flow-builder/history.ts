// Undo and redo over whole documents (they are immutable, so a step is one reference). Changes
// that share a coalesce key within a short time (typing in one field, one drag) are one step.
import type { FlowDocument } from '#flow-dsl/document';

export type History = {
  past: FlowDocument[];
  present: FlowDocument;
  future: FlowDocument[];
  lastKey: string | null;
  lastAt: number;
};

const LIMIT = 100;
const COALESCE_MS = 1000;

export function startHistory(document: FlowDocument): History {
  return { past: [], present: document, future: [], lastKey: null, lastAt: 0 };
}

export function record(history: History, next: FlowDocument, key: string | null, now: number): History {
  if (next === history.present) {
    return history;
  }
  const coalesce = key !== null && key === history.lastKey && now - history.lastAt < COALESCE_MS;
  const past = coalesce ? history.past : [...history.past, history.present].slice(-LIMIT);
  return { past, present: next, future: [], lastKey: key, lastAt: now };
}

export function undo(history: History): History {
  const previous = history.past.at(-1);
  if (!previous) {
    return history;
  }
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    lastKey: null,
    lastAt: 0,
  };
}

export function redo(history: History): History {
  const next = history.future[0];
  if (!next) {
    return history;
  }
  return {
    past: [...history.past, history.present],
    present: next,
    future: history.future.slice(1),
    lastKey: null,
    lastAt: 0,
  };
}
