// The condition node's rules: nested and/or groups of `left operator value` comparisons. Text
// compares case-insensitively; ordering operators compare numbers (numeric strings included).
import { z } from 'zod';
import { resolveOperand, toNumber } from './condition-values.ts';

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

export { evaluateCondition, evaluateConditions, isConditionGroup } from './condition-eval.ts';
