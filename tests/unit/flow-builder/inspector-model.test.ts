// The inspector's small pure helpers: the variable picker, names, durations, answer rules, opening
// hours, JSON templates and sheet addresses.
import { businessHoursSchema } from '#flow-dsl/business-hours';
import { NODE_DATA_SCHEMAS, NODE_DEFAULTS, type NodeData } from '#flow-dsl/catalogue';
import { variableNameSchema } from '#flow-dsl/variables';
import { describeDuration, splitDuration, toSeconds } from '../../../web/src/flow-builder/inspector/model/durations.ts';
import * as hours from '../../../web/src/flow-builder/inspector/model/hours-updates.ts';
import { jsonTemplateProblem, variablesUsed } from '../../../web/src/flow-builder/inspector/model/json-template.ts';
import { moveItem, patchItem } from '../../../web/src/flow-builder/inspector/model/list-ops.ts';
import { numberProblem, parseTypedNumber } from '../../../web/src/flow-builder/inspector/model/numbers.ts';
import * as names from '../../../web/src/flow-builder/inspector/model/names.ts';
import { setInputType, setRule } from '../../../web/src/flow-builder/inspector/model/question-updates.ts';
import { spreadsheetIdFrom } from '../../../web/src/flow-builder/inspector/model/spreadsheet-id.ts';
import { insertAtCursor, pickerTokens } from '../../../web/src/flow-builder/inspector/model/template-insert.ts';

describe('[builder] variable picker', () => {
  it('inserts at the caret, replaces a selection and survives a stale one', () => {
    expect(insertAtCursor('Hi !', 3, 3, '{{contact.name}}')).toEqual({ value: 'Hi {{contact.name}}!', caret: 19 });
    expect(insertAtCursor('Hi you!', 3, 6, '{{last_input}}')).toEqual({ value: 'Hi {{last_input}}!', caret: 17 });
    expect(insertAtCursor('Hi', 40, 50, 'X')).toEqual({ value: 'HiX', caret: 3 });
    expect(insertAtCursor('Hi', null, null, 'X')).toEqual({ value: 'HiX', caret: 3 });
  });

  it('offers contact, each variable once and sorted, the last reply and the HTTP status', () => {
    expect(pickerTokens(['plan', 'email', 'plan', '']).map((t) => t.token)).toEqual([
      '{{contact.name}}',
      '{{contact.phone}}',
      '{{vars.email}}',
      '{{vars.plan}}',
      '{{last_input}}',
      '{{http.status}}',
    ]);
  });
});

describe('[builder] names', () => {
  it.each([
    ['order id', 'order_id'],
    ['2nd-try', '_2nd_try'],
    ['émail!', 'mail'],
    ['', ''],
  ])('turns %j into the variable name %j', (raw, name) => {
    expect(names.toIdentifier(raw)).toBe(name);
    expect(name === '' || variableNameSchema.safeParse(name).success).toBe(true);
  });

  it('reads and writes contact fields the way update_contact stores them', () => {
    expect(names.parseContactField('fields.plan')).toEqual({ kind: 'custom', key: 'plan' });
    expect(names.formatContactField({ kind: 'custom', key: 'loyalty level' })).toBe('fields.loyalty_level');
    expect(names.formatContactField({ kind: 'custom', key: '' })).toBe('');
    expect(names.formatContactField({ kind: 'name' })).toBe('name');
    const updates = [{ field: names.formatContactField({ kind: 'custom', key: 'vip tier' }), value: 'gold' }];
    expect(NODE_DATA_SCHEMAS.update_contact.safeParse({ updates }).success).toBe(true);
  });
});

describe('[builder] durations', () => {
  it('shows seconds in the largest whole unit and back', () => {
    expect(splitDuration(3600)).toEqual({ amount: 1, unit: 'hours' });
    expect(splitDuration(90)).toEqual({ amount: 90, unit: 'seconds' });
    expect(splitDuration(604_800)).toEqual({ amount: 7, unit: 'days' });
    expect(toSeconds(1.5, 'hours')).toBe(5400);
    expect(describeDuration(1, 'hours')).toBe('1 hour');
    expect(describeDuration(5, 'minutes')).toBe('5 minutes');
  });
});

describe('[builder] answer rules', () => {
  const question = (): NodeData<'ask_question'> => structuredClone(NODE_DEFAULTS.ask_question);

  it('keeps only the rules of the new answer type', () => {
    let data = setRule(setRule(question(), 'minLength', 3), 'pattern', '^[A-Z]+$');
    data = setInputType(data, 'number');
    expect(data.validation).toEqual({});
    data = setInputType(setRule(data, 'min', 1), 'number');
    expect(data.validation).toEqual({ min: 1 });
    expect(setRule(data, 'min', undefined).validation).toEqual({});
    expect(NODE_DATA_SCHEMAS.ask_question.safeParse(data).success).toBe(true);
  });
});

describe('[builder] opening hours', () => {
  it('starts from weekdays 9 to 5 and edits days, intervals and holidays', () => {
    let week = hours.defaultWeeklyHours();
    week = hours.setDayOpen(week, 'sat', true);
    week = hours.addInterval(week, 'mon');
    week = hours.setIntervalTime(week, 'mon', 0, 'to', '12:00');
    week = hours.setIntervalTime(week, 'mon', 1, 'from', '');
    week = hours.addHoliday(hours.addHoliday(hours.addHoliday(week, '2026-12-25'), '2026-01-01'), '2026-12-25');
    week = hours.removeInterval(hours.setDayOpen(week, 'fri', false), 'tue', 0);
    expect(week.days.mon).toEqual([
      { from: '09:00', to: '12:00' },
      { from: '17:00', to: '24:00' },
    ]);
    expect(week.days.tue).toEqual([]);
    expect(week.holidays).toEqual(['2026-01-01', '2026-12-25']);
    expect(hours.removeHoliday(week, '2026-01-01').holidays).toEqual(['2026-12-25']);
    expect(businessHoursSchema.safeParse(week).success).toBe(true);
    expect(NODE_DATA_SCHEMAS.business_hours.safeParse({ hours: week, timezone: 'Europe/Lisbon' }).success).toBe(true);
  });
});

describe('[builder] JSON templates', () => {
  it.each([
    ['', null],
    ['{"email": "{{vars.email}}", "count": {{vars.count}}}', null],
    ['{"name": "{{contact.name | "there"}}"}', null],
    ['{"email": {{vars.email}', 'Not valid JSON'],
  ])('checks %j', (template, problem) => {
    const result = jsonTemplateProblem(template);
    expect(problem === null ? result : result?.slice(0, problem.length)).toBe(problem);
  });

  it('lists the variables templates read, once each', () => {
    expect(variablesUsed(['{{vars.a}}/{{vars.b.c}}', '{"x": "{{vars.a}}", "n": "{{contact.name}}"}'])).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('[builder] lists and sheets', () => {
  it('moves and patches list items without touching out-of-range ones', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
    expect(patchItem([{ a: 1 }], 3, { a: 2 })).toEqual([{ a: 1 }]);
  });

  it('takes the id out of a sheet address', () => {
    const id = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
    expect(spreadsheetIdFrom(`https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`)).toBe(id);
    expect(spreadsheetIdFrom(` ${id} `)).toBe(id);
  });
});

describe('[builder] typed numbers', () => {
  it.each([
    ['10', { min: 1, max: 30, integer: true }, null],
    ['2,5', { min: 0.01, max: 720 }, null],
    ['', { optional: true }, null],
    ['', {}, 'Enter a number.'],
    ['1.5', { min: 1, max: 30, integer: true }, 'Enter a whole number between 1 and 30.'],
    ['31', { min: 1, max: 30, integer: true }, 'Enter a number between 1 and 30.'],
    ['-1', { min: 0 }, 'Enter a number of at least 0.'],
    ['ten', {}, 'Enter a number.'],
  ])('%j with %j → %j', (text, rules, problem) => {
    expect(numberProblem(text, rules)).toBe(problem);
  });

  it('reads a comma as the decimal point', () => {
    expect(parseTypedNumber(' 2,5 ')).toBe(2.5);
    expect(parseTypedNumber('')).toBeNaN();
  });
});
