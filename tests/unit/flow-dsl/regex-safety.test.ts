import { evaluateConditions } from '#flow-dsl/conditions';
import { flowInputSchema, parseAnswer } from '#flow-dsl/inputs';
import { backtrackingRisk } from '#flow-dsl/regex-safety';
import { matchesPattern, matchesWholePattern, PATTERN_TEXT_LIMIT, regexProblem } from '#flow-dsl/text';
import { matchesKeyword, triggerSchema } from '#flow-dsl/triggers';
import { scope } from './flow-builders.ts';

// Each of these takes longer than the suite's timeout on a hostile text with a backtracking engine.
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
  'a.*b.*c',
  '.*refund.*order.*',
];

describe('[flow-dsl] regex safety', () => {
  it.each(EXPLODING)('finds that %s can backtrack exponentially', (pattern) => {
    expect(backtrackingRisk(pattern)).toEqual(expect.stringContaining('repeated group'));
    expect(regexProblem(pattern)).toMatch(/^can take too long on some texts \(a repeated group/);
    expect(matchesPattern(pattern, 'a')).toBe(false);
  });

  it.each(SAFE)('lets %s through', (pattern) => {
    expect(regexProblem(pattern)).toBeNull();
  });

  it('refuses three unbounded repeats in a row that can take the same text', () => {
    expect(regexProblem('a.*b.*c.*d')).toBe(
      'can take too long on some texts (three or more repeats in a row can take the same text, like a.*b.*c.*d)',
    );
    expect(regexProblem('\\d+,\\d+,\\d+,\\d+')).toBeNull(); // the commas stop each run
    expect(regexProblem('\\w*\\s*\\w*\\s*\\w*x')).not.toBeNull(); // \s* can be empty: it stops nothing
    // A leading or trailing .* is dropped for a search: it changes nothing that matches.
    expect(regexProblem('.*a.*b.*c.*')).toBeNull();
    expect(regexProblem('a.*b.*c\\.*')).not.toBeNull(); // an escaped dot stays
  });

  it('says an invalid pattern is invalid', () => {
    expect(regexProblem('([a-z')).toBe('is not a valid regular expression');
    expect(matchesPattern('([a-z', '([a-z')).toBe(false);
  });

  it('finds what it should, and drops a leading .* without changing what matches', () => {
    expect(matchesPattern('.*refund.*order', 'I want a REFUND for my order')).toBe(true);
    expect(matchesPattern('.*refund.*order', 'my order, and a refund')).toBe(false);
    expect(matchesWholePattern('\\d{5}', '12345')).toBe(true);
    expect(matchesWholePattern('\\d{5}', '123456')).toBe(false);
  });

  it('never runs a refused pattern, nor any pattern on a text over the limit: no match, at once', () => {
    const hostile = `${'a'.repeat(40)}!`;
    const s = scope({ vars: { answer: hostile } });
    const condition = {
      left: { source: 'var' as const, key: 'answer' },
      operator: 'matches_regex' as const,
      value: '(a+)+$',
    };
    expect(evaluateConditions({ op: 'and', conditions: [condition] }, s)).toBe(false);
    const trigger = triggerSchema.parse({ type: 'keyword', keywords: [{ value: '^(a|aa)*$', match: 'regex' }] });
    expect(matchesKeyword(trigger, hostile)).toBe(false);
    // 'a.*b.*c' is allowed; on WhatsApp's longest message it would take seconds.
    const long = 'ab'.repeat(2048);
    expect(long.length).toBeGreaterThan(PATTERN_TEXT_LIMIT);
    expect(matchesPattern('a.*b.*c', long)).toBe(false);
    expect(matchesPattern('a.*b.*c', `${'ab'.repeat(100)}c`)).toBe(true);
    const said = (text: string) =>
      flowInputSchema.parse({
        messageId: 'm1',
        providerMessageId: 'w1',
        type: 'text',
        text,
        receivedAt: '2026-12-07T10:00:00.000Z',
      });
    const question = { inputType: 'text' as const, validation: { pattern: 'a.*b.*c' } };
    expect(parseAnswer(question, said(long))).toEqual({ ok: false, reason: 'pattern_mismatch' });
    expect(parseAnswer(question, said('a-b-c'))).toEqual({ ok: true, value: 'a-b-c' });
  });
});
