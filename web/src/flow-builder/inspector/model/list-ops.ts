// Immutable list edits every repeated field uses (buttons, rows, headers, variants, …). Out-of-range
// indexes and moves past either end leave the list as it was, so a stale click cannot corrupt data.

export function appendItem<T>(items: readonly T[], item: T, max = Number.POSITIVE_INFINITY): T[] {
  return items.length >= max ? [...items] : [...items, item];
}

export function removeItem<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

export function replaceItem<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((current, i) => (i === index ? item : current));
}

export function patchItem<T extends object>(items: readonly T[], index: number, patch: Partial<T>): T[] {
  return items.map((current, i) => (i === index ? { ...current, ...patch } : current));
}

/** Moves the item at `from` to `to`; nothing happens when either is outside the list. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= items.length || to < 0 || to >= items.length || from === to) {
    return next;
  }
  const [moved] = next.splice(from, 1) as [T];
  next.splice(to, 0, moved);
  return next;
}

/** React keys for items with ids: the id while it is unique (so moves keep focus), else id and index. */
export function stableKeys(ids: readonly string[]): string[] {
  return ids.map((id, index) => (id !== '' && ids.indexOf(id) === ids.lastIndexOf(id) ? id : `${id}#${index}`));
}
