import { migrateFlowDocument } from '#flow-dsl/migrations/index';
import { validateFlow } from '#flow-dsl/validate';

const v1 = {
  schemaVersion: 1,
  name: 'Old welcome',
  nodes: [
    { id: 'hello', type: 'send_text', position: { x: 100, y: 40 }, data: { text: 'Hi!' } },
    { id: 'bye', type: 'end', position: { x: 300, y: 40 }, data: {} },
  ],
  edges: [{ source: 'hello', target: 'bye' }],
};

describe('[flow-dsl] document migrations', () => {
  it('upgrades v1: a start node before the first node, and `next` handles on edges', () => {
    const { document, migratedFrom } = migrateFlowDocument(v1);
    expect(migratedFrom).toBe(1);
    expect(document.schemaVersion).toBe(2);
    expect(document.nodes[0]).toMatchObject({ id: 'start', type: 'start', position: { x: -150, y: 40 } });
    expect(document.edges).toEqual([
      { id: 'e-start', source: 'start', sourceHandle: 'next', target: 'hello' },
      { id: 'e1', source: 'hello', sourceHandle: 'next', target: 'bye' },
    ]);
    expect(validateFlow(v1)).toEqual([]);
  });

  it('treats a document without schemaVersion as v1 and avoids taken ids', () => {
    const { document } = migrateFlowDocument({
      ...v1,
      schemaVersion: undefined,
      nodes: [{ ...v1.nodes[0], id: 'start' }],
    });
    expect(document.nodes.map((node) => node.id)).toEqual(['start_2', 'start']);
  });

  it('leaves a current document alone', () => {
    const current = { schemaVersion: 2, name: 'n', nodes: [{ id: 's', type: 'start', data: {} }] };
    expect(migrateFlowDocument(current).migratedFrom).toBeNull();
    expect(() => migrateFlowDocument({ schemaVersion: 2, name: 'n' })).toThrow();
  });
});
