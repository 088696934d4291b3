import { NODE_CATALOGUE, NODE_DATA_SCHEMAS, NODE_DEFAULTS, NODE_TYPES, nodeOutputs } from '#flow-dsl/catalogue';
import { flowDocumentSchema, LATEST_FLOW_VERSION } from '#flow-dsl/document';
import { chain, flowDocument } from './flow-builders.ts';

describe('[flow-dsl] the document schema and node catalogue', () => {
  it('has a schema, defaults and a catalogue entry for every node type, and the defaults parse to themselves', () => {
    expect(NODE_TYPES).toHaveLength(25);
    expect(Object.keys(NODE_DATA_SCHEMAS).sort()).toEqual([...NODE_TYPES].sort());
    for (const type of NODE_TYPES) {
      expect(NODE_DATA_SCHEMAS[type].parse(NODE_DEFAULTS[type])).toEqual(NODE_DEFAULTS[type]);
      expect(NODE_CATALOGUE[type].label).not.toBe('');
    }
    const waiting = NODE_TYPES.filter((type) => NODE_CATALOGUE[type].waitsForCustomer);
    expect(waiting).toEqual(['buttons', 'list', 'ask_question', 'delay', 'handoff']);
  });

  it('fills defaults into sparse data, so a draft with blanks still parses', () => {
    const parsed = flowDocumentSchema.parse(
      flowDocument(
        [
          { id: 'start', type: 'start' },
          { id: 'q', type: 'ask_question', data: { prompt: '' } },
        ],
        [],
      ),
    );
    expect(parsed.schemaVersion).toBe(LATEST_FLOW_VERSION);
    expect(parsed.nodes[1]).toMatchObject({
      type: 'ask_question',
      data: { prompt: '', inputType: 'text', saveAs: '', maxAttempts: 3, timeoutSeconds: 3600, validation: {} },
    });
    const http = flowDocumentSchema.parse(chain({ id: 'h', type: 'http_request' })).nodes[1];
    expect(http?.data).toMatchObject({ method: 'GET', timeoutSeconds: 10, headers: [], responseMapping: [] });
  });

  it('refuses data of the wrong shape, bad variable names and HTTP timeouts over 30 s', () => {
    expect(flowDocumentSchema.safeParse(chain({ id: 't', type: 'send_text', data: { text: 42 } })).success).toBe(false);
    expect(
      flowDocumentSchema.safeParse(chain({ id: 'q', type: 'ask_question', data: { saveAs: '1st name' } })).success,
    ).toBe(false);
    expect(
      flowDocumentSchema.safeParse(chain({ id: 'h', type: 'http_request', data: { timeoutSeconds: 31 } })).success,
    ).toBe(false);
    expect(flowDocumentSchema.safeParse(chain({ id: 'x', type: 'teleport' })).success).toBe(false);
  });

  it('names output handles as the contract says', () => {
    const outputs = (type: string, data: Record<string, unknown> = {}) => {
      const node = flowDocumentSchema.parse(chain({ id: 'n', type, data })).nodes[1]!;
      return nodeOutputs(node);
    };
    expect(outputs('send_text')).toEqual(['next']);
    expect(outputs('buttons', { buttons: [{ id: 'yes' }, { id: 'no' }] })).toEqual([
      'button:yes',
      'button:no',
      'invalid',
      'timeout',
    ]);
    const sections = [{ rows: [{ id: 'a' }] }, { rows: [{ id: 'b' }] }];
    expect(outputs('list', { sections })).toEqual(['row:a', 'row:b', 'invalid', 'timeout']);
    expect(outputs('ask_question')).toEqual(['answered', 'invalid', 'timeout']);
    expect(outputs('condition')).toEqual(['true', 'false']);
    expect(outputs('http_request')).toEqual(['success', 'failure']);
    expect(outputs('google_sheets')).toEqual(['success', 'failure']);
    expect(outputs('google_sheets', { action: 'lookup' })).toEqual(['found', 'not_found', 'failure']);
    expect(outputs('data_table_lookup')).toEqual(['found', 'not_found']);
    expect(outputs('business_hours')).toEqual(['open', 'closed']);
    expect(outputs('ab_split', { variants: [{ id: 'a' }, { id: 'b' }] })).toEqual(['variant:a', 'variant:b']);
    expect(outputs('handoff')).toEqual(['returned', 'timeout']);
    expect(outputs('ai_intent', { intents: [{ id: 'hours' }] })).toEqual(['intent:hours', 'fallback']);
    expect(outputs('jump_to_flow')).toEqual([]);
    expect(outputs('close_conversation')).toEqual([]);
    expect(outputs('end')).toEqual([]);
  });
});
