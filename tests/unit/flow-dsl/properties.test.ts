// Property tests over random graphs: whatever the validator accepts compiles, and a compiled
// program never points at a step it does not have.
import fc from 'fast-check';
import { nodeOutputs } from '#flow-dsl/catalogue';
import { compileFlow, FlowCompileError, programHash } from '#flow-dsl/compile';
import { flowDocumentSchema } from '#flow-dsl/document';
import { flowProgramSchema } from '#flow-dsl/program';
import { validateFlow } from '#flow-dsl/validate';
import type { RawEdge, RawNode } from './flow-builders.ts';

/** Complete data for a mix of node types: blanks are not what these properties are about. */
const SAMPLES: Array<Omit<RawNode, 'id'>> = [
  { type: 'send_text', data: { text: 'Hi {{contact.name | "there"}}' } },
  {
    type: 'buttons',
    data: {
      body: 'Pick',
      buttons: [
        { id: 'a', title: 'A' },
        { id: 'b', title: 'B' },
      ],
      saveAs: 'pick',
    },
  },
  {
    type: 'list',
    data: {
      body: 'Pick',
      sections: [
        {
          title: 'S',
          rows: [
            { id: 'x', title: 'X' },
            { id: 'y', title: 'Y' },
          ],
        },
      ],
    },
  },
  { type: 'ask_question', data: { prompt: 'Email?', inputType: 'email', saveAs: 'email' } },
  {
    type: 'condition',
    data: { conditions: { op: 'and', conditions: [{ left: { source: 'last_input' }, operator: 'is_empty' }] } },
  },
  { type: 'set_variable', data: { assignments: [{ name: 'note', value: '{{last_input}}' }] } },
  { type: 'add_tag', data: { tags: ['lead'] } },
  {
    type: 'http_request',
    data: { url: 'https://api.test/x', responseMapping: [{ variable: 'status', path: 'status' }] },
  },
  { type: 'delay', data: { amount: 5, unit: 'seconds' } },
  { type: 'business_hours', data: {} },
  {
    type: 'ab_split',
    data: {
      variants: [
        { id: 'a', weight: 1 },
        { id: 'b', weight: 2 },
      ],
    },
  },
  { type: 'handoff', data: { message: 'One moment' } },
  { type: 'ai_intent', data: { intents: [{ id: 'buy', name: 'Buy', keywords: ['buy'] }] } },
  {
    type: 'google_sheets',
    data: { integrationId: 'i', spreadsheetId: 's', sheet: 'S', action: 'lookup', lookupColumn: 'A', lookupValue: 'x' },
  },
  { type: 'jump_to_flow', data: { flowId: 'other-flow' } },
  { type: 'close_conversation', data: {} },
  { type: 'end', data: {} },
];

const randomGraph = fc.array(fc.nat({ max: SAMPLES.length - 1 }), { minLength: 0, maxLength: 12 }).chain((kinds) => {
  const nodes: RawNode[] = [
    { id: 'start', type: 'start', data: {} },
    ...kinds.map((kind, i) => ({ id: `n${i}`, ...SAMPLES[kind]! })),
  ];
  const outputs = nodes.flatMap((node) =>
    nodeOutputs(flowDocumentSchema.shape.nodes.element.parse({ ...node, position: { x: 0, y: 0 } })).map((handle) => ({
      node,
      handle,
    })),
  );
  // Each output: no edge, a forward edge, or (rarely) any node, which may close a loop.
  const choice = fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 5, arbitrary: fc.nat({ max: 1000 }).map((n) => ({ forward: true, n })) },
    { weight: 1, arbitrary: fc.nat({ max: 1000 }).map((n) => ({ forward: false, n })) },
  );
  return fc
    .tuple(fc.constant(nodes), fc.array(choice, { minLength: outputs.length, maxLength: outputs.length }))
    .map(([graphNodes, choices]) => {
      const edges: RawEdge[] = [];
      outputs.forEach(({ node, handle }, i) => {
        const pick = choices[i];
        const from = graphNodes.indexOf(node);
        const targets = pick?.forward ? graphNodes.slice(from + 1) : graphNodes.slice(1);
        if (pick && targets.length > 0) {
          edges.push({
            id: `e${i}`,
            source: node.id,
            sourceHandle: handle,
            target: targets[pick.n % targets.length]!.id,
          });
        }
      });
      return { schemaVersion: 2, name: 'Random', trigger: { type: 'manual' }, variables: [], nodes: graphNodes, edges };
    });
});

describe('[flow-dsl] compiler properties', () => {
  it('compiles every graph the validator accepts into a program that only references its own steps', () => {
    let accepted = 0;
    fc.assert(
      fc.property(randomGraph, (document) => {
        const errors = validateFlow(document, { flowId: 'this-flow' }).filter((d) => d.severity === 'error');
        if (errors.length > 0) {
          expect(() => compileFlow(document, { flowId: 'this-flow', flowVersion: 1 })).toThrow(FlowCompileError);
          return;
        }
        accepted++;
        const program = compileFlow(document, { flowId: 'this-flow', flowVersion: 1 });
        const ids = new Set(Object.keys(program.steps));
        expect(program.entry === null || ids.has(program.entry)).toBe(true);
        for (const step of Object.values(program.steps)) {
          expect(Object.keys(step.next).sort()).toEqual(nodeOutputs(step).sort());
          for (const target of Object.values(step.next)) {
            expect(target === null || ids.has(target)).toBe(true);
          }
        }
        expect(programHash(program)).toBe(program.hash);
        expect(flowProgramSchema.parse(JSON.parse(JSON.stringify(program)))).toEqual(program);
      }),
      { numRuns: 300 },
    );
    // The generator must mostly produce acceptable graphs, or the property says little.
    expect(accepted).toBeGreaterThan(100);
  });

  it('answers any JSON value with diagnostics, never an exception', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(Array.isArray(validateFlow(value))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
