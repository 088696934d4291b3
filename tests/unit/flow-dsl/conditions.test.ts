import { conditionGroupSchema, evaluateConditions, type Condition } from '#flow-dsl/conditions';
import { scope } from './flow-builders.ts';

const s = scope({
  contact: {
    id: 'c1',
    name: 'Ana Sousa',
    phone: '+351912345678',
    waId: '351912345678',
    fields: { plan: 'Gold', age: '42' },
    tags: ['vip', 'Cyclist'],
  },
  vars: { status: 'READY', total: '19.5', limit: 20, empty: '', list: [], city: 'Porto' },
  lastInput: 'I want a refund',
  http: { status: 404, body: { error: 'not found' } },
});

const check = (condition: Condition) => evaluateConditions({ op: 'and', conditions: [condition] }, s);
const onVar = (key: string, operator: Condition['operator'], value?: string, values?: string[]): Condition => ({
  left: { source: 'var', key },
  operator,
  ...(value === undefined ? {} : { value }),
  ...(values === undefined ? {} : { values }),
});

describe('[flow-dsl] conditions', () => {
  it('compares text case-insensitively', () => {
    expect(check(onVar('status', 'equals', 'ready'))).toBe(true);
    expect(check(onVar('status', 'not_equals', 'ready'))).toBe(false);
    expect(check({ left: { source: 'contact', key: 'name' }, operator: 'starts_with', value: 'ana' })).toBe(true);
    expect(check({ left: { source: 'contact', key: 'name' }, operator: 'ends_with', value: 'SOUSA' })).toBe(true);
    expect(check({ left: { source: 'last_input', key: '' }, operator: 'contains', value: 'REFUND' })).toBe(true);
    expect(check({ left: { source: 'last_input', key: '' }, operator: 'not_contains', value: 'refund' })).toBe(false);
    expect(check({ left: { source: 'field', key: 'plan' }, operator: 'equals', value: 'gold' })).toBe(true);
  });

  it('compares numbers, numeric strings included, and never numbers with text', () => {
    expect(check(onVar('total', 'less_than', '{{vars.limit}}'))).toBe(true);
    expect(check(onVar('total', 'greater_or_equal', '19.5'))).toBe(true);
    expect(check(onVar('limit', 'greater_than', '19'))).toBe(true);
    expect(check(onVar('limit', 'less_or_equal', '19'))).toBe(false);
    expect(check(onVar('limit', 'equals', '20.0'))).toBe(true);
    expect(check(onVar('status', 'greater_than', '1'))).toBe(false);
    expect(check({ left: { source: 'http', key: 'status' }, operator: 'greater_or_equal', value: '400' })).toBe(true);
    expect(check({ left: { source: 'field', key: 'age' }, operator: 'greater_than', value: '40' })).toBe(true);
  });

  it('checks emptiness, lists and regular expressions', () => {
    expect(check(onVar('empty', 'is_empty'))).toBe(true);
    expect(check(onVar('list', 'is_empty'))).toBe(true);
    expect(check(onVar('missing', 'is_empty'))).toBe(true);
    expect(check(onVar('city', 'is_not_empty'))).toBe(true);
    expect(check(onVar('city', 'in_list', undefined, ['Lisboa', 'porto']))).toBe(true);
    expect(check(onVar('city', 'not_in_list', undefined, ['Lisboa', 'Faro']))).toBe(true);
    expect(check(onVar('status', 'matches_regex', '^rea'))).toBe(true);
    expect(check(onVar('status', 'matches_regex', '(unclosed'))).toBe(false);
  });

  it('checks tags with contains, in_list and is_empty', () => {
    const tags = (operator: Condition['operator'], value?: string, values?: string[]) =>
      check({ left: { source: 'tags', key: '' }, operator, value, values });
    expect(tags('contains', 'VIP')).toBe(true);
    expect(tags('not_contains', 'cyclist')).toBe(false);
    expect(tags('in_list', undefined, ['new', 'cyclist'])).toBe(true);
    expect(tags('is_empty')).toBe(false);
    expect(tags('is_not_empty')).toBe(true);
  });

  it('nests and/or groups; an empty and is true, an empty or false', () => {
    const group = conditionGroupSchema.parse({
      op: 'or',
      conditions: [
        onVar('status', 'equals', 'cancelled'),
        { op: 'and', conditions: [onVar('city', 'equals', 'porto'), onVar('limit', 'greater_than', '10')] },
      ],
    });
    expect(evaluateConditions(group, s)).toBe(true);
    expect(evaluateConditions({ op: 'and', conditions: [] }, s)).toBe(true);
    expect(evaluateConditions({ op: 'or', conditions: [] }, s)).toBe(false);
  });
});
