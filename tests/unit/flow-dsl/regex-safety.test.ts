import { evaluateConditions } from '#flow-dsl/conditions';
import { exponentialBacktracking } from '#flow-dsl/regex-safety';
import { regexProblem, safeRegExp } from '#flow-dsl/text';
import { matchesKeyword, triggerSchema } from '#flow-dsl/triggers';
import { scope } from './flow-builders.ts';

// Each of these takes longer than the suite's timeout on the text below with a backtracking engine.
const EXPLODING = ['(a+)+$', '(\\w+\\s?)*$', '(a|aa)*$', '(a*)*$', '(\\w|\\d)+$', '(a|A)+$', '((ab?)+)+$', '(x+x+)+$'];
const SAFE = [
  '^\\d{5}$',
  '^(yes|no|sure)$',
  '(ab)+',
  '(cat|dog)+',
  '^[^@\\s]+@[^@.\\s]+(\\.[^@.\\s]+)+$',
  '^([a-z]{2}\\d+)+$',
  '(?:\\s*,\\s*\\w+)*',
  '(\\d+-)+x',
  '\\(a+\\)+',
  '[(a+)]+',
  '^order\\s*#?\\d+$',
];

describe('[flow-dsl] regex safety', () => {
  it.each(EXPLODING)('finds that %s can backtrack exponentially', (pattern) => {
    expect(exponentialBacktracking(pattern)).toEqual(expect.stringContaining('repeated group'));
    expect(safeRegExp(pattern)).toBeNull();
    expect(regexProblem(pattern)).toMatch(/^can take too long on some texts \(a repeated group/);
  });

  it.each(SAFE)('lets %s through', (pattern) => {
    expect(exponentialBacktracking(pattern)).toBeNull();
    expect(safeRegExp(pattern)).toBeInstanceOf(RegExp);
    expect(regexProblem(pattern)).toBeNull();
  });

  it('says an invalid pattern is invalid', () => {
    expect(regexProblem('([a-z')).toBe('is not a valid regular expression');
    expect(safeRegExp('([a-z')).toBeNull();
  });

  it('never runs a refused pattern on what a customer types: it does not match, at once', () => {
    const text = `${'a'.repeat(40)}!`;
    const s = scope({ vars: { answer: text } });
    const condition = {
      left: { source: 'var' as const, key: 'answer' },
      operator: 'matches_regex' as const,
      value: '(a+)+$',
    };
    expect(evaluateConditions({ op: 'and', conditions: [condition] }, s)).toBe(false);
    const trigger = triggerSchema.parse({ type: 'keyword', keywords: [{ value: '^(a|aa)*$', match: 'regex' }] });
    expect(matchesKeyword(trigger, text)).toBe(false);
  });
});
