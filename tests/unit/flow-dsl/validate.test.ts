import { DIAGNOSTIC_CODES, validateFlow, type Diagnostic, type DiagnosticCode } from '#flow-dsl/validate';
import { chain, edge, flowDocument, goldenFlow, text, type RawNode } from './flow-builders.ts';

type Case = { document: unknown; expected: Partial<Diagnostic>; options?: { flowId: string } };

const ask = (id: string, data: Record<string, unknown> = {}): RawNode => ({
  id,
  type: 'ask_question',
  data: { prompt: 'Your email?', inputType: 'email', saveAs: 'email', ...data },
});
const condition = (id: string, rule: Record<string, unknown>): RawNode => ({
  id,
  type: 'condition',
  data: { conditions: { op: 'and', conditions: [{ left: { source: 'var', key: 'email' }, ...rule }] } },
});
const buttons = (id: string, list: Array<{ id: string; title: string }>): RawNode => ({
  id,
  type: 'buttons',
  data: { body: 'Pick one', buttons: list },
});
const looping = () => {
  const document = chain(text('a'), text('b'));
  document.edges.push(edge('b', 'a'));
  return document;
};

/** One failing document per diagnostic code, and where the diagnostic must point. */
const CASES: Record<DiagnosticCode, Case> = {
  schema_invalid: {
    document: chain({ id: 'bad', type: 'send_text', data: { text: 7 } }),
    expected: { nodeId: 'bad', field: 'text' },
  },
  unknown_node_type: { document: chain({ id: 'odd', type: 'teleport' }), expected: { nodeId: 'odd' } },
  missing_field: { document: chain(text('blank', '')), expected: { nodeId: 'blank', field: 'text' } },
  missing_start: { document: flowDocument([text('a')], []), expected: {} },
  multiple_starts: {
    document: flowDocument(
      [
        { id: 's1', type: 'start' },
        { id: 's2', type: 'start' },
      ],
      [],
    ),
    expected: { nodeId: 's2' },
  },
  duplicate_node_id: {
    document: flowDocument([{ id: 'start', type: 'start' }, text('twin'), text('twin')], [edge('start', 'twin')]),
    expected: { nodeId: 'twin' },
  },
  edge_unknown_node: {
    document: flowDocument([{ id: 'start', type: 'start' }], [edge('start', 'ghost')]),
    expected: { edgeId: 'start-next-ghost' },
  },
  edge_unknown_handle: {
    document: flowDocument([{ id: 'start', type: 'start' }, text('a')], [edge('start', 'a', 'true')]),
    expected: { edgeId: 'start-true-a', nodeId: 'start' },
  },
  duplicate_output: {
    document: flowDocument(
      [{ id: 'start', type: 'start' }, text('a'), text('b')],
      [edge('start', 'a'), { id: 'again', source: 'start', sourceHandle: 'next', target: 'b' }],
    ),
    expected: { edgeId: 'again', nodeId: 'start' },
  },
  dangling_output: {
    document: chain(text('last')),
    expected: { nodeId: 'last', field: 'next', severity: 'warning' },
  },
  unreachable_node: {
    document: flowDocument([{ id: 'start', type: 'start' }, text('island')], []),
    expected: { nodeId: 'island', severity: 'warning' },
  },
  undefined_variable: { document: chain(text('t', 'Order {{vars.order_id}}')), expected: { nodeId: 't' } },
  loop_without_wait: { document: looping(), expected: { nodeId: 'a' } },
  condition_type_error: {
    document: chain(ask('q'), condition('c', { operator: 'greater_than', value: 'lots' })),
    expected: { nodeId: 'c', field: 'conditions.conditions.0' },
  },
  invalid_regex: {
    document: chain(ask('q', { inputType: 'text', validation: { pattern: '([a-z' } })),
    expected: { nodeId: 'q', field: 'validation.pattern' },
  },
  whatsapp_limit: {
    document: chain(buttons('menu', [{ id: 'long', title: 'A title longer than twenty' }])),
    expected: { nodeId: 'menu', field: 'buttons.0.title' },
  },
  duplicate_handle_id: {
    document: chain(
      buttons('menu', [
        { id: 'yes', title: 'Yes' },
        { id: 'yes', title: 'Sure' },
      ]),
    ),
    expected: { nodeId: 'menu', field: 'buttons' },
  },
  invalid_jump: {
    document: chain({ id: 'again', type: 'jump_to_flow', data: { flowId: 'flow-1' } }),
    options: { flowId: 'flow-1' },
    expected: { nodeId: 'again' },
  },
  invalid_weights: {
    document: chain({
      id: 'ab',
      type: 'ab_split',
      data: {
        variants: [
          { id: 'a', weight: 0 },
          { id: 'b', weight: 0 },
        ],
      },
    }),
    expected: { nodeId: 'ab' },
  },
  invalid_timezone: {
    document: chain({ id: 'bh', type: 'business_hours', data: { timezone: 'Mars/Olympus' } }),
    expected: { nodeId: 'bh', field: 'timezone' },
  },
};

describe('[flow-dsl] validator', () => {
  it('accepts the golden bike-shop flow without a single diagnostic', () => {
    expect(validateFlow(goldenFlow('bike-shop-10-nodes'))).toEqual([]);
  });

  it('has a failing example for every diagnostic code', () => {
    expect(Object.keys(CASES).sort()).toEqual([...DIAGNOSTIC_CODES].sort());
  });

  it.each(Object.entries(CASES))('reports %s where the problem is', (code, { document, expected, options }) => {
    const found = validateFlow(document, options).filter((diagnostic) => diagnostic.code === code);
    expect(found).toEqual([expect.objectContaining({ severity: 'error', ...expected })]);
    expect(found[0]?.message).toEqual(expect.any(String));
  });

  it('names the zod path of a schema problem and never throws on garbage', () => {
    const [problem] = validateFlow(chain({ id: 'h', type: 'http_request', data: { timeoutSeconds: 99 } }));
    expect(problem).toMatchObject({ code: 'schema_invalid', nodeId: 'h' });
    expect(problem?.message).toContain('nodes.1.data.timeoutSeconds');
    for (const garbage of [
      null,
      42,
      'flow',
      [],
      { nodes: 'x' },
      { schemaVersion: 2, name: 'n', nodes: [5, { id: 'a' }] },
    ]) {
      expect(validateFlow(garbage)[0]).toMatchObject({ code: 'schema_invalid', severity: 'error' });
    }
  });

  it('does not flag a loop that waits for the customer, or a jump to another flow', () => {
    const menu = chain(buttons('menu', [{ id: 'again', title: 'Again' }]), text('t'));
    menu.edges = [edge('start', 'menu'), edge('menu', 't', 'button:again'), edge('t', 'menu')];
    expect(validateFlow(menu).filter((d) => d.severity === 'error')).toEqual([]);
    const jump = chain({ id: 'j', type: 'jump_to_flow', data: { flowId: 'other' } });
    expect(validateFlow(jump, { flowId: 'flow-1' })).toEqual([]);
  });

  it('refuses patterns that can backtrack exponentially, saying why', () => {
    const regexProblems = (document: ReturnType<typeof chain>) =>
      validateFlow(document).filter((diagnostic) => diagnostic.code === 'invalid_regex');
    const [slow] = regexProblems(chain(ask('q', { inputType: 'text', validation: { pattern: '(a+)+' } })));
    expect(slow).toMatchObject({ nodeId: 'q', field: 'validation.pattern', severity: 'error' });
    expect(slow?.message).toBe(
      'q: the answer pattern can take too long on some texts (a repeated group holds something repeated itself, like (a+)+).',
    );
    const [overlapping] = regexProblems(
      chain(ask('q'), condition('c', { operator: 'matches_regex', value: '(yes|y)+' })),
    );
    expect(overlapping?.message).toContain('an alternative that starts another one');
  });

  it('checks conditions: in_list needs values, is_empty takes none, tags only some operators', () => {
    const codes = (rule: Record<string, unknown>) =>
      validateFlow(chain(ask('q'), condition('c', rule))).map((diagnostic) => diagnostic.code);
    expect(codes({ operator: 'in_list' })).toContain('condition_type_error');
    expect(codes({ operator: 'is_empty', value: 'x' })).toContain('condition_type_error');
    expect(codes({ operator: 'greater_than', value: '{{vars.email}}' })).not.toContain('condition_type_error');
    const tags = chain(condition('c', { left: { source: 'tags', key: '' }, operator: 'greater_than', value: '1' }));
    expect(validateFlow(tags).map((d) => d.code)).toContain('condition_type_error');
  });

  it('checks list limits: rows in all, row titles and descriptions', () => {
    const rows = Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `Row ${i}`, description: '' }));
    rows[0] = { id: 'r0', title: 'A row title well over 24 chars', description: 'd'.repeat(73) };
    const list = chain({ id: 'l', type: 'list', data: { body: 'Pick', sections: [{ title: 'All', rows }] } });
    const fields = validateFlow(list)
      .filter((d) => d.code === 'whatsapp_limit')
      .map((d) => d.field);
    expect(fields).toEqual(['sections', 'sections.0.rows.0.title', 'sections.0.rows.0.description']);
  });

  it('knows variables set by any node or declared by the document', () => {
    const declared = {
      ...chain(text('t', '{{vars.api_base}} {{vars.email}}'), ask('q')),
      variables: [{ name: 'api_base' }],
    };
    expect(validateFlow(declared).filter((d) => d.code === 'undefined_variable')).toEqual([]);
  });
});
