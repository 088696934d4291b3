// The tree compiler's guarantees that the integration table cannot show: what a user types only
// ever travels as a bind parameter, every sub-select names the tenant, and the schema's limits
// and per-type operators hold before any SQL is written.
import { segmentWhereSql } from '#api/segments/compile-segment';
import { segmentConditionSchema, type SegmentGroup } from '#api/segments/condition-schemas';
import { AppError } from '#api/errors';

const TENANT = '11111111-1111-4111-8111-111111111111';
const HOSTILE = `x'); DROP TABLE "Contact"; --`;
const ctx = {
  tenantId: TENANT,
  now: new Date('2026-12-06T12:00:00Z'),
  customFields: new Map([
    ['plan', { key: 'plan', label: 'Plan', type: 'dropdown' as const, options: ['Gold', HOSTILE], required: false }],
    ['city', { key: 'city', label: 'City', type: 'text' as const, options: [], required: false }],
  ]),
};

const tree = (children: unknown[]): SegmentGroup => segmentConditionSchema.parse({ kind: 'group', op: 'or', children });

describe('[segments] compiling a condition tree', () => {
  it('writes what users type only as parameters, never into the SQL text', () => {
    const sql = segmentWhereSql(
      tree([
        { kind: 'field', field: 'name', op: 'contains', value: HOSTILE },
        { kind: 'custom', key: 'city', op: 'in_list', values: [HOSTILE] },
        { kind: 'custom', key: 'plan', op: 'equals', value: HOSTILE },
        { kind: 'tags', op: 'has_all', values: [HOSTILE] },
        { kind: 'message', op: 'sent_containing', value: HOSTILE, days: 3 },
      ]),
      ctx,
    );
    expect(sql.sql).not.toContain('DROP');
    expect(sql.values.filter((v) => /drop table/i.test(JSON.stringify(v)))).toHaveLength(5);
  });

  it('names the tenant in the statement and in every sub-select', () => {
    const sql = segmentWhereSql(
      tree([
        { kind: 'contact_group', op: 'in', groupIds: ['22222222-2222-4222-8222-222222222222'] },
        { kind: 'flow', op: 'completed', flowId: '33333333-3333-4333-8333-333333333333' },
        { kind: 'message', op: 'sent_containing', value: 'hi', days: 1 },
      ]),
      ctx,
    );
    const froms = sql.sql.match(/FROM "\w+"/g) ?? [];
    const tenantClauses = sql.sql.match(/"tenantId" = \?::uuid/g) ?? [];
    expect(froms.length).toBe(5); // members, the group and its subgroups (recursive), flow runs, messages
    expect(tenantClauses.length).toBe(froms.length + 1);
    expect(sql.values.filter((v) => v === TENANT)).toHaveLength(tenantClauses.length);
  });

  it('refuses an unknown custom field or an operator its type does not have, naming every path', () => {
    let caught: unknown;
    try {
      segmentWhereSql(
        tree([
          { kind: 'custom', key: 'colour', op: 'equals', value: 'red' },
          { kind: 'group', op: 'and', children: [{ kind: 'custom', key: 'plan', op: 'gt', value: 3 }] },
        ]),
        ctx,
        'audience',
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).details?.fields?.map((f) => f.field)).toEqual([
      'audience.children.0.key',
      'audience.children.1.children.0.op',
    ]);
  });

  it('holds the limits and the built-in fields’ operators in the schema', () => {
    const leaf = { kind: 'tags', op: 'has_any', values: ['vip'] };
    let deep: unknown = leaf;
    for (let i = 0; i < 5; i++) {
      deep = { kind: 'group', op: 'and', children: [deep] };
    }
    expect(segmentConditionSchema.safeParse(deep).success).toBe(true);
    expect(segmentConditionSchema.safeParse({ kind: 'group', op: 'and', children: [deep] }).success).toBe(false);
    const wrong = segmentConditionSchema.safeParse({
      kind: 'group',
      op: 'and',
      children: [{ kind: 'field', field: 'messagesReceivedCount', op: 'contains', value: '3' }],
    });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map((i) => i.path.join('.'))).toEqual(['children.0.op']);
  });
});
