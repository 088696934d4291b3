// The condition builder's edits keep the tree parseable and the validator's rules satisfied
// (no value for is_empty, a list for in_list, only tag operators on tags).
import fc from 'fast-check';
import { CONDITION_OPERATORS, CONDITION_SOURCES, type ConditionGroup } from '#flow-dsl/conditions';
import { NODE_DATA_SCHEMAS, NODE_DEFAULTS } from '#flow-dsl/catalogue';
import { validateFlow } from '#flow-dsl/validate';
import * as tree from '../../../web/src/flow-builder/inspector/model/condition-tree.ts';
import { flowDocument } from '../flow-dsl/flow-builders.ts';

const start = (): ConditionGroup => structuredClone(NODE_DEFAULTS.condition.conditions);
const parses = (conditions: ConditionGroup) => NODE_DATA_SCHEMAS.condition.safeParse({ conditions }).success;
const problems = (conditions: ConditionGroup) =>
  validateFlow(
    flowDocument(
      [
        { id: 'start', type: 'start' },
        { id: 'c', type: 'condition', data: { conditions } },
      ],
      [],
    ),
  )
    .filter((d) => ['condition_type_error', 'schema_invalid'].includes(d.code))
    .map((d) => d.message);

describe('[builder] condition tree', () => {
  it('adds conditions and nested groups, switches and/or, and removes entries', () => {
    let root = tree.addCondition(start(), []);
    root = tree.addGroup(root, []);
    root = tree.addCondition(root, [1]);
    root = tree.setGroupOp(root, [1], 'or');
    expect(root).toMatchObject({ op: 'and', conditions: [{ operator: 'equals' }, { op: 'or', conditions: [{}, {}] }] });
    expect(tree.conditionPath([1, 0])).toBe('conditions.conditions.1.conditions.0');
    root = tree.removeEntry(root, [1, 0]);
    expect((root.conditions[1] as ConditionGroup).conditions).toHaveLength(1);
    root = tree.removeEntry(root, [0]);
    expect(root.conditions).toHaveLength(1);
    expect(parses(root)).toBe(true);
  });

  it('stops nesting at the maximum depth and ignores paths that are not groups', () => {
    let root = tree.addGroup(start(), []);
    root = tree.addGroup(root, [0]);
    expect(tree.addGroup(root, [0, 0])).toBe(root);
    expect(tree.addCondition(root, [5])).toBe(root);
    expect(tree.updateGroup(root, [0, 0, 0], (g) => ({ ...g, op: 'or' }))).toBe(root);
  });

  it('gives each operator the value it takes', () => {
    const condition = { left: { source: 'var' as const, key: 'plan' }, operator: 'equals' as const, value: 'gold' };
    expect(tree.withOperator(condition, 'is_empty')).toEqual({ left: condition.left, operator: 'is_empty' });
    expect(tree.withOperator(condition, 'in_list')).toEqual({
      left: condition.left,
      operator: 'in_list',
      values: ['gold'],
    });
    const back = tree.withOperator(tree.withOperator(condition, 'in_list'), 'contains');
    expect(back).toEqual({ left: condition.left, operator: 'contains', value: 'gold' });
  });

  it('keeps only tag operators on tags and picks a key for contact and http', () => {
    const condition = tree.newCondition();
    expect(tree.withSource(condition, 'tags').operator).toBe('contains');
    expect(tree.withSource(condition, 'contact').left).toEqual({ source: 'contact', key: 'name' });
    expect(tree.withSource(condition, 'http').left).toEqual({ source: 'http', key: 'status' });
  });

  it('never writes a condition the validator calls a type error', () => {
    const step = fc.record({
      source: fc.constantFrom(...CONDITION_SOURCES),
      operator: fc.constantFrom(...CONDITION_OPERATORS),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        const condition = steps.reduce((current, { source, operator }) => {
          const withSource = tree.withSource(current, source);
          const allowed = source !== 'tags' || tree.TAG_OPERATORS.includes(operator);
          return allowed ? tree.withOperator(withSource, operator) : withSource;
        }, tree.newCondition());
        const filled = { ...condition, left: { ...condition.left, key: condition.left.key || 'x' } };
        const numeric = tree.takesList(filled.operator) ? { values: ['1'] } : 'value' in filled ? { value: '1' } : {};
        const root = tree.replaceCondition(tree.addCondition(start(), []), [0], { ...filled, ...numeric });
        expect(problems(root)).toEqual([]);
        return parses(root);
      }),
    );
  });
});
