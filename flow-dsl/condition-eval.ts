// Evaluating a condition node's rules against a session's scope. Without zod on purpose: the
// interpreter imports it, and Temporal evaluates a workflow's imports for every new session.
import { isEmptyValue, resolveOperand, toNumber } from './condition-values.ts';
import type { Condition, ConditionGroup, ConditionOperator } from './conditions.ts';
import { valueToText } from './path.ts';
import type { FlowScope } from './scope.ts';
import { interpolate } from './template.ts';
import { matchesPattern } from './text.ts';

export function isConditionGroup(entry: Condition | ConditionGroup): entry is ConditionGroup {
  return 'op' in entry;
}

/** An empty `and` group is true and an empty `or` group false, as in logic. */
export function evaluateConditions(group: ConditionGroup, scope: FlowScope): boolean {
  const results = group.conditions.map((entry) =>
    isConditionGroup(entry) ? evaluateConditions(entry, scope) : evaluateCondition(entry, scope),
  );
  return group.op === 'and' ? results.every(Boolean) : results.some(Boolean);
}

export function evaluateCondition(condition: Condition, scope: FlowScope): boolean {
  const left = resolveOperand(condition.left, scope);
  if (condition.left.source === 'tags') {
    return compareTags(Array.isArray(left) ? left.map(valueToText) : [], condition, scope);
  }
  const right = interpolate(condition.value ?? '', scope);
  const list = (condition.values ?? []).map((entry) => lower(interpolate(entry, scope)).trim());
  const text = lower(valueToText(left));
  switch (condition.operator) {
    case 'equals':
      return looseEquals(left, right);
    case 'not_equals':
      return !looseEquals(left, right);
    case 'contains':
      return text.includes(lower(right));
    case 'not_contains':
      return !text.includes(lower(right));
    case 'starts_with':
      return text.startsWith(lower(right));
    case 'ends_with':
      return text.endsWith(lower(right));
    case 'matches_regex':
      return matchesPattern(right, valueToText(left));
    case 'greater_than':
    case 'less_than':
    case 'greater_or_equal':
    case 'less_or_equal':
      return compareNumbers(toNumber(left), toNumber(right), condition.operator);
    case 'is_empty':
      return isEmptyValue(left);
    case 'is_not_empty':
      return !isEmptyValue(left);
    case 'in_list':
      return list.includes(text.trim());
    case 'not_in_list':
      return !list.includes(text.trim());
  }
}

function compareTags(tags: string[], condition: Condition, scope: FlowScope): boolean {
  const has = (wanted: string) => tags.some((tag) => lower(tag) === lower(interpolate(wanted, scope)).trim());
  switch (condition.operator) {
    case 'contains':
    case 'equals':
      return has(condition.value ?? '');
    case 'not_contains':
    case 'not_equals':
      return !has(condition.value ?? '');
    case 'in_list':
      return (condition.values ?? []).some(has);
    case 'not_in_list':
      return !(condition.values ?? []).some(has);
    case 'is_empty':
      return tags.length === 0;
    case 'is_not_empty':
      return tags.length > 0;
    default:
      return false;
  }
}

function looseEquals(left: unknown, right: string): boolean {
  const [a, b] = [toNumber(left), toNumber(right)];
  if (!Number.isNaN(a) && !Number.isNaN(b)) {
    return a === b;
  }
  return lower(valueToText(left)).trim() === lower(right).trim();
}

function compareNumbers(a: number, b: number, operator: ConditionOperator): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) {
    return false;
  }
  switch (operator) {
    case 'greater_than':
      return a > b;
    case 'less_than':
      return a < b;
    case 'greater_or_equal':
      return a >= b;
    default:
      return a <= b;
  }
}

const lower = (text: string) => text.toLowerCase();
