// How a condition reads its left side from the scope, and the loose value semantics conditions
// share (numbers typed in a chat, "empty" for every kind of value).
import type { ConditionOperand } from './conditions.ts';
import { getPath, splitPath } from './path.ts';
import type { FlowScope } from './scope.ts';

export function resolveOperand(operand: ConditionOperand, scope: FlowScope): unknown {
  const segments = splitPath(operand.key);
  switch (operand.source) {
    case 'var':
      return getPath(scope.vars, segments);
    case 'contact':
      return getPath(scope.contact, segments);
    case 'field':
      return getPath(scope.contact.fields, segments);
    case 'tags':
      return scope.contact.tags;
    case 'last_input':
      return scope.lastInput;
    case 'http':
      return getPath(scope.http, segments);
  }
}

/** Parses a number the way people write one in a chat: "42", " 3.5 ", "1,5" → 1.5. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    return Number.NaN;
  }
  const cleaned = value.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
  return /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned) ? Number(cleaned) : Number.NaN;
}

export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) {
    return true;
  }
  if (typeof value === 'string') {
    return value.trim() === '';
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  return typeof value === 'object' && Object.keys(value).length === 0;
}
