// The condition builder's words: what can be checked and how, as business users say it.
import { CONDITION_OPERATORS, type ConditionOperand, type ConditionOperator } from '#flow-dsl/conditions';
import type { SelectOption } from '../field-options.ts';
import { TAG_OPERATORS } from './condition-tree.ts';

export const SOURCE_OPTIONS: Array<SelectOption & { value: ConditionOperand['source'] }> = [
  { value: 'var', label: 'Variable' },
  { value: 'contact', label: 'Contact' },
  { value: 'field', label: 'Custom field' },
  { value: 'tags', label: 'Tags' },
  { value: 'last_input', label: 'Last reply' },
  { value: 'http', label: 'HTTP response' },
];

export const CONTACT_KEY_OPTIONS: SelectOption[] = [
  { value: 'name', label: 'Name' },
  { value: 'phone', label: 'Phone' },
  { value: 'waId', label: 'WhatsApp id' },
  { value: 'id', label: 'Contact id' },
];

const OPERATOR_LABELS: Record<ConditionOperator, string> = {
  equals: 'is',
  not_equals: 'is not',
  contains: 'contains',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  ends_with: 'ends with',
  matches_regex: 'matches the pattern',
  greater_than: 'is greater than',
  less_than: 'is less than',
  greater_or_equal: 'is at least',
  less_or_equal: 'is at most',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
  in_list: 'is one of',
  not_in_list: 'is none of',
};

const TAG_LABELS: Partial<Record<ConditionOperator, string>> = {
  contains: 'include',
  not_contains: 'do not include',
  in_list: 'include any of',
  not_in_list: 'include none of',
  is_empty: 'are empty',
  is_not_empty: 'are not empty',
};

export function operatorOptions(source: ConditionOperand['source']): SelectOption[] {
  const operators = source === 'tags' ? TAG_OPERATORS : CONDITION_OPERATORS;
  return operators.map((value) => ({
    value,
    label: (source === 'tags' ? TAG_LABELS[value] : undefined) ?? OPERATOR_LABELS[value],
  }));
}

export const KEY_PLACEHOLDERS: Partial<Record<ConditionOperand['source'], string>> = {
  var: 'order_id',
  field: 'plan',
  http: 'status or body.items.0.id',
};
