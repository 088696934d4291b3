// Rules on what nodes compute: conditions that cannot be true as written, regular expressions
// that do not compile, time zones Intl does not know.
import { isValidTimeZone } from '../business-hours.ts';
import { toNumber } from '../condition-values.ts';
import {
  isConditionGroup,
  LIST_OPERATORS,
  NUMBER_OPERATORS,
  type Condition,
  type ConditionGroup,
} from '../conditions.ts';
import type { FlowDocument, FlowNode } from '../document.ts';
import { regexProblem } from '../text.ts';
import { error, type Diagnostic } from './diagnostic.ts';

const ORDERING = new Set<string>(NUMBER_OPERATORS);
const LISTS = new Set<string>(LIST_OPERATORS);
const EMPTINESS = new Set(['is_empty', 'is_not_empty']);
const TAG_OPERATORS = new Set(['contains', 'not_contains', 'is_empty', 'is_not_empty', 'in_list', 'not_in_list']);
const KEYED_SOURCES = new Set(['var', 'contact', 'field', 'http']);

export function expressionRules(document: FlowDocument): Diagnostic[] {
  const diagnostics = document.trigger.type === 'keyword' ? triggerRegexes(document.trigger.keywords) : [];
  for (const node of document.nodes) {
    diagnostics.push(...nodeExpressions(node));
  }
  return diagnostics;
}

function nodeExpressions(node: FlowNode): Diagnostic[] {
  const where = (field: string) => ({ nodeId: node.id, field });
  switch (node.type) {
    case 'condition':
      return conditionsOf(node.data.conditions, 'conditions').flatMap(([condition, field]) =>
        conditionProblems(condition).map(([code, message]) => error(code, `${node.id}: ${message}`, where(field))),
      );
    case 'ask_question': {
      const pattern = node.data.validation.pattern;
      const problem = pattern ? regexProblem(pattern) : null;
      return problem
        ? [error('invalid_regex', `${node.id}: the answer pattern ${problem}.`, where('validation.pattern'))]
        : [];
    }
    case 'business_hours':
      return node.data.timezone !== '' && !isValidTimeZone(node.data.timezone)
        ? [error('invalid_timezone', `${node.id}: ${node.data.timezone} is not a time zone.`, where('timezone'))]
        : [];
    default:
      return [];
  }
}

type Problem = [code: 'condition_type_error' | 'invalid_regex' | 'missing_field', message: string];

function conditionProblems(condition: Condition): Problem[] {
  const { left, operator } = condition;
  const value = condition.value ?? '';
  const literal = !value.includes('{{');
  const problems: Problem[] = [];
  if (KEYED_SOURCES.has(left.source) && left.key.trim() === '') {
    problems.push(['missing_field', `a condition on ${left.source} needs to say which one.`]);
  }
  if (left.source === 'tags' && !TAG_OPERATORS.has(operator)) {
    problems.push(['condition_type_error', `tags can be checked with contains, in_list or is_empty, not ${operator}.`]);
  }
  if (ORDERING.has(operator) && literal && Number.isNaN(toNumber(value))) {
    problems.push(['condition_type_error', `${operator} compares numbers, and ${JSON.stringify(value)} is not one.`]);
  }
  if (LISTS.has(operator) && (condition.values ?? []).length === 0) {
    problems.push(['condition_type_error', `${operator} needs a list of values.`]);
  }
  if (EMPTINESS.has(operator) && value.trim() !== '') {
    problems.push(['condition_type_error', `${operator} takes no value.`]);
  }
  const regex = operator === 'matches_regex' && literal ? regexProblem(value) : null;
  if (regex) {
    problems.push(['invalid_regex', `${JSON.stringify(value)} ${regex}.`]);
  }
  return problems;
}

/** Every condition with its data path, however deeply grouped. */
export function conditionsOf(group: ConditionGroup, path: string): Array<[Condition, string]> {
  return group.conditions.flatMap((entry, index): Array<[Condition, string]> => {
    const at = `${path}.conditions.${index}`;
    return isConditionGroup(entry) ? conditionsOf(entry, at) : [[entry, at]];
  });
}

function triggerRegexes(keywords: ReadonlyArray<{ value: string; match: string }>): Diagnostic[] {
  return keywords.flatMap((keyword, index) => {
    const problem = keyword.match === 'regex' ? regexProblem(keyword.value) : null;
    return problem
      ? [
          error('invalid_regex', `Trigger keyword ${JSON.stringify(keyword.value)} ${problem}.`, {
            field: `trigger.keywords.${index}`,
          }),
        ]
      : [];
  });
}
