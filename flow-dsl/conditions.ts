// The condition node's rules: nested and/or groups of `left operator value` comparisons. Text
// compares case-insensitively; ordering operators compare numbers (numeric strings included).
import { z } from 'zod';
import { isEmptyValue, resolveOperand, toNumber } from './condition-values.ts';
import { valueToText } from './path.ts';
import type { FlowScope } from './scope.ts';
import { interpolate } from './template.ts';
import { safeRegExp } from './text.ts';

export const CONDITION_SOURCES = ['var', 'contact', 'field', 'tags', 'last_input', 'http'] as const;
export const TEXT_OPERATORS = ['equals', 'not_equals', 'contains', 'not_contains', 'starts_with', 'ends_with'] as const;
export const NUMBER_OPERATORS = ['greater_than', 'less_than', 'greater_or_equal', 'less_or_equal'] as const;
export const LIST_OPERATORS = ['in_list', 'not_in_list'] as const;
export const CONDITION_OPERATORS = [
  ...TEXT_OPERATORS,
  'matches_regex',
  ...NUMBER_OPERATORS,
  'is_empty',
  'is_not_empty',
  ...LIST_OPERATORS,
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export const conditionOperandSchema = z.object({
  source: z.enum(CONDITION_SOURCES),
  /** var: the variable name; contact: name/phone/waId/id; field: the field key; http: `status` or `body.x`. */
  key: z.string().default(''),
});
export type ConditionOperand = z.output<typeof conditionOperandSchema>;

export const conditionSchema = z.object({
  left: conditionOperandSchema,
  operator: z.enum(CONDITION_OPERATORS),
  /** A template (`{{vars.limit}}` works); unused by is_empty / is_not_empty / in_list. */
  value: z.string().optional(),
  /** The list for in_list / not_in_list; each entry is a template. */
  values: z.array(z.string()).optional(),
});
export type Condition = z.output<typeof conditionSchema>;

export type ConditionGroup = { op: 'and' | 'or'; conditions: Array<Condition | ConditionGroup> };

export const conditionGroupSchema: z.ZodType<ConditionGroup, unknown> = z.lazy(() =>
  z.object({
    op: z.enum(['and', 'or']).default('and'),
    conditions: z.array(z.union([conditionSchema, conditionGroupSchema])).default(() => []),
  }),
);

export { resolveOperand, toNumber };

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
      return safeRegExp(right)?.test(valueToText(left)) ?? false;
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
