// Edits of the condition node's nested and/or groups. A position in the tree is the list of
// indexes from the root group (`[1, 0]`: the first entry of the root's second entry, a group).
import {
  isConditionGroup,
  LIST_OPERATORS,
  type Condition,
  type ConditionGroup,
  type ConditionOperand,
  type ConditionOperator,
} from '#flow-dsl/conditions';
import { appendItem, removeItem, replaceItem } from './list-ops.ts';

export type TreePath = readonly number[];
type Entry = Condition | ConditionGroup;

/** Nesting deeper than this stops being readable in a 360 px panel. */
export const MAX_GROUP_DEPTH = 3;
/** The operators the validator accepts on tags (expression-rules.ts). */
export const TAG_OPERATORS: readonly ConditionOperator[] = [
  'contains',
  'not_contains',
  'is_empty',
  'is_not_empty',
  'in_list',
  'not_in_list',
];
const NO_VALUE: readonly ConditionOperator[] = ['is_empty', 'is_not_empty'];

export const newCondition = (): Condition => ({ left: { source: 'var', key: '' }, operator: 'equals', value: '' });
export const newGroup = (): ConditionGroup => ({ op: 'and', conditions: [newCondition()] });

export function takesNoValue(operator: ConditionOperator): boolean {
  return NO_VALUE.includes(operator);
}

export function takesList(operator: ConditionOperator): boolean {
  return (LIST_OPERATORS as readonly string[]).includes(operator);
}

/** The data path of an entry (`conditions.conditions.1.conditions.0`), as diagnostics name it. */
export function conditionPath(path: TreePath): string {
  return ['conditions', ...path.map((index) => `conditions.${index}`)].join('.');
}

/** Applies `update` to the group at `path` (the root for []); other paths are left alone. */
export function updateGroup(
  root: ConditionGroup,
  path: TreePath,
  update: (g: ConditionGroup) => ConditionGroup,
): ConditionGroup {
  if (path.length === 0) {
    return update(root);
  }
  const [head, ...rest] = path as [number, ...number[]];
  const child = root.conditions[head];
  if (child === undefined || !isConditionGroup(child)) {
    return root;
  }
  const updated = updateGroup(child, rest, update);
  return updated === child ? root : { ...root, conditions: replaceItem<Entry>(root.conditions, head, updated) };
}

export function addCondition(root: ConditionGroup, groupPath: TreePath): ConditionGroup {
  return updateGroup(root, groupPath, (g) => ({ ...g, conditions: appendItem(g.conditions, newCondition()) }));
}

export function addGroup(root: ConditionGroup, groupPath: TreePath): ConditionGroup {
  if (groupPath.length + 1 >= MAX_GROUP_DEPTH) {
    return root;
  }
  return updateGroup(root, groupPath, (g) => ({ ...g, conditions: appendItem<Entry>(g.conditions, newGroup()) }));
}

export function setGroupOp(root: ConditionGroup, groupPath: TreePath, op: ConditionGroup['op']): ConditionGroup {
  return updateGroup(root, groupPath, (g) => ({ ...g, op }));
}

/** Removes the entry at `path` (a condition or a whole group); the root itself stays. */
export function removeEntry(root: ConditionGroup, path: TreePath): ConditionGroup {
  if (path.length === 0) {
    return root;
  }
  const index = path[path.length - 1] as number;
  return updateGroup(root, path.slice(0, -1), (g) => ({ ...g, conditions: removeItem(g.conditions, index) }));
}

export function replaceCondition(root: ConditionGroup, path: TreePath, condition: Condition): ConditionGroup {
  if (path.length === 0) {
    return root;
  }
  const index = path[path.length - 1] as number;
  return updateGroup(root, path.slice(0, -1), (g) =>
    g.conditions[index] === undefined || isConditionGroup(g.conditions[index])
      ? g
      : { ...g, conditions: replaceItem<Entry>(g.conditions, index, condition) },
  );
}

/** A new operator, with the value box it needs: none, a list or one value (the validator's rules). */
export function withOperator(condition: Condition, operator: ConditionOperator): Condition {
  const { value, values } = condition;
  const base = { left: condition.left, operator };
  if (takesNoValue(operator)) {
    return base;
  }
  if (takesList(operator)) {
    return { ...base, values: values ?? (value ? [value] : []) };
  }
  return { ...base, value: value ?? values?.[0] ?? '' };
}

/** A new left side; tags keep only the operators tags support, sources with a key get a sensible one. */
export function withSource(condition: Condition, source: ConditionOperand['source']): Condition {
  const key = source === 'contact' ? 'name' : source === 'http' ? 'status' : '';
  const next = { ...condition, left: { source, key } };
  return source === 'tags' && !TAG_OPERATORS.includes(next.operator) ? withOperator(next, 'contains') : next;
}
