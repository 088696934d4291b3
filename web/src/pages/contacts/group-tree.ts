// Contact groups arrive as a flat list with parentId; these helpers order them as a tree.
import type { ContactGroupView } from '#api/contacts/schemas';

export type GroupNode = ContactGroupView & { depth: number };

/** Depth-first, siblings by name; a group whose parent the caller cannot see is a root. */
export function flattenTree(groups: ContactGroupView[]): GroupNode[] {
  const ids = new Set(groups.map((group) => group.id));
  const childrenOf = (parentId: string | null) =>
    groups
      .filter((group) => (group.parentId && ids.has(group.parentId) ? group.parentId : null) === parentId)
      .sort((a, b) => a.name.localeCompare(b.name));
  const out: GroupNode[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const group of childrenOf(parentId)) {
      out.push({ ...group, depth });
      walk(group.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Options for a group picker, indented by depth. */
export function groupOptions(groups: ContactGroupView[]): Array<{ id: string; label: string }> {
  return flattenTree(groups).map((group) => ({ id: group.id, label: `${'  '.repeat(group.depth)}${group.name}` }));
}
