// Diagnostics show next to the field they name: for blank and over-long nodes of every type, each
// diagnostic the validator gives a `field` lands on a path the inspector draws.
import { flowDocumentSchema, type FlowNode } from '#flow-dsl/document';
import { validateFlow, type Diagnostic } from '#flow-dsl/validate';
import {
  diagnosticText,
  placeDiagnostics,
  placeNodeDiagnostics,
} from '../../../web/src/flow-builder/inspector/diagnostic-placement.ts';
import { inspectorPaths } from '../../../web/src/flow-builder/inspector/inspector-paths.ts';
import { chain, flowDocument, type RawNode } from '../flow-dsl/flow-builders.ts';

const long = 'x'.repeat(5000);
const condition = (operator: string, extra: Record<string, unknown> = {}) => ({
  left: { source: 'var', key: '' },
  operator,
  ...extra,
});

/** Nodes whose data trips as many field rules as possible. */
const TROUBLED: RawNode[] = [
  { id: 'text', type: 'send_text', data: { text: long } },
  { id: 'media', type: 'send_media', data: { caption: long } },
  { id: 'template', type: 'send_template', data: { templateName: '', language: '' } },
  {
    id: 'buttons',
    type: 'buttons',
    data: { body: '', header: long, footer: long, buttons: [{ id: '', title: long }] },
  },
  {
    id: 'list',
    type: 'list',
    data: {
      buttonText: '',
      sections: [
        { title: '', rows: [{ id: '', title: long, description: long }] },
        { title: long, rows: [{ id: 'a', title: '' }] },
      ],
    },
  },
  { id: 'ask', type: 'ask_question', data: { prompt: long, retryPrompt: long, validation: { pattern: '([' } } },
  {
    id: 'cond',
    type: 'condition',
    data: {
      conditions: {
        op: 'or',
        conditions: [condition('in_list'), { conditions: [condition('is_empty', { value: 'x' })] }],
      },
    },
  },
  { id: 'set', type: 'set_variable', data: { assignments: [{ name: '', value: '{{vars.nope}}' }] } },
  { id: 'contact', type: 'update_contact', data: { updates: [{ field: '', value: '' }] } },
  { id: 'tag', type: 'add_tag', data: { tags: ['vip', ' '] } },
  { id: 'untag', type: 'remove_tag', data: { tags: [] } },
  {
    id: 'http',
    type: 'http_request',
    data: { headers: [{ name: '', value: '' }], responseMapping: [{ variable: '', path: 'a' }] },
  },
  { id: 'hook', type: 'webhook', data: {} },
  { id: 'sheets', type: 'google_sheets', data: { action: 'lookup', resultMapping: [{ variable: '', column: '' }] } },
  { id: 'sheets2', type: 'google_sheets', data: { action: 'append' } },
  { id: 'table', type: 'data_table_lookup', data: { resultMapping: [{ variable: '', column: '' }] } },
  { id: 'hours', type: 'business_hours', data: { timezone: 'Mars/Olympus' } },
  { id: 'split', type: 'ab_split', data: { variants: [{ id: '', label: 'A', weight: 0 }] } },
  { id: 'jump', type: 'jump_to_flow', data: {} },
  { id: 'team', type: 'handoff', data: { target: { type: 'team' }, message: long } },
  { id: 'agent', type: 'handoff', data: { target: { type: 'agent' } } },
  { id: 'close', type: 'close_conversation', data: { message: long } },
  { id: 'intent', type: 'ai_intent', data: { intents: [{ id: '', name: '' }] } },
  { id: 'intent0', type: 'ai_intent', data: { intents: [] } },
  { id: 'reply', type: 'ai_reply', data: { fallbackText: long } },
];

const document = flowDocumentSchema.parse(flowDocument([{ id: 'start', type: 'start' }, ...TROUBLED], []));
const diagnostics = validateFlow(document);
/** Graph diagnostics name an output handle, not data: they show at the top unless an option owns it. */
const nodeDiagnostics = (node: FlowNode) =>
  diagnostics.filter((d) => d.nodeId === node.id && d.field !== undefined && d.code !== 'dangling_output');

describe('[builder] where diagnostics show', () => {
  it('has troubled nodes with field diagnostics to place', () => {
    expect(diagnostics.filter((d) => d.field !== undefined).length).toBeGreaterThan(40);
  });

  it.each(document.nodes.map((node) => [node.id, node] as const))('places every field of %s', (_id, node) => {
    const { unplaced } = placeDiagnostics(nodeDiagnostics(node), inspectorPaths(node));
    expect(unplaced.map((d) => `${d.field}: ${d.message}`)).toEqual([]);
  });

  it('puts a diagnostic on the closest claimed path and the rest at the top', () => {
    const at = (field?: string): Diagnostic => ({ severity: 'error', code: 'missing_field', message: 'm', field });
    const placed = placeDiagnostics(
      [at('buttons.1.id'), at('body'), at(), at('elsewhere')],
      ['buttons', 'buttons.1', 'body'],
    );
    expect([...placed.byPath.keys()]).toEqual(['buttons.1', 'body']);
    expect(placed.unplaced.map((d) => d.field)).toEqual([undefined, 'elsewhere']);
  });

  it('shows a dangling option output on the option, and other outputs at the top by name', () => {
    const raw = chain({
      id: 'pick',
      type: 'list',
      data: { body: 'Pick', sections: [{ rows: [{ id: 'a', title: 'A' }] }] },
    });
    const linked = flowDocumentSchema.parse(raw);
    const pick = linked.nodes.find((n) => n.id === 'pick')!;
    const dangling = validateFlow(linked).filter((d) => d.nodeId === 'pick' && d.code === 'dangling_output');
    const placed = placeNodeDiagnostics(pick, dangling);
    expect([...placed.byPath.keys()]).toEqual(['sections.0.rows.0']);
    expect(placed.byPath.get('sections.0.rows.0')![0]!.message).toMatch(/^Not connected yet/);
    const start = document.nodes.find((n) => n.id === 'start')!;
    const next = diagnostics.filter((d) => d.nodeId === 'start');
    expect(placeNodeDiagnostics(start, next).unplaced.map((d) => d.message)).toEqual([
      '“Next” is not connected yet: the flow ends there.',
    ]);
  });

  it('shows an undefined variable on the first field that reads it', () => {
    const node = document.nodes.find((n) => n.id === 'set')!;
    const undefinedVariable = diagnostics.filter((d) => d.nodeId === 'set' && d.code === 'undefined_variable');
    const placed = placeNodeDiagnostics(node, undefinedVariable);
    expect(placed.unplaced).toEqual([]);
    expect(placed.byPath.get('assignments.0.value')![0]!.message).toBe(
      '{{vars.nope}} is never set: no step saves it and the flow does not declare it.',
    );
  });

  it('speaks of “this step” rather than the node id', () => {
    const say = (message: string) => diagnosticText({ severity: 'error', code: 'missing_field', message }, 'n3');
    expect(say('n3 needs the message text.')).toBe('This step needs the message text.');
    expect(say('n3: body is 5000 characters; WhatsApp allows 1024.')).toBe(
      'Body is 5000 characters; WhatsApp allows 1024.',
    );
    const onField = { severity: 'error' as const, code: 'whatsapp_limit' as const, field: 'buttons.1.title' };
    expect(
      diagnosticText({ ...onField, message: 'n3: buttons.1.title is 29 characters; WhatsApp allows 20.' }, 'n3'),
    ).toBe('This is 29 characters; WhatsApp allows 20.');
    expect(say('Something else.')).toBe('Something else.');
  });
});
