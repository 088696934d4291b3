// The builder's pure canvas model: document edits, undo/redo, tidy-up layout, card text and the
// React Flow mapping that keeps unchanged cards (what makes dragging in a large flow cheap).
import { flowDocumentSchema, type FlowDocument } from '#flow-dsl/document';
import { validateFlow } from '#flow-dsl/validate';
import { autoLayout } from '../../../web/src/flow-builder/auto-layout.ts';
import {
  addNode,
  addNote,
  connect,
  copyNodes,
  moveNodes,
  noteCanvasId,
  paste,
  removeElements,
  updateNodeData,
  updateNote,
} from '../../../web/src/flow-builder/document-ops.ts';
import { record, redo, startHistory, undo } from '../../../web/src/flow-builder/history.ts';
import { conditionText, nodeSummary } from '../../../web/src/flow-builder/node-summary.ts';
import { outputLabels } from '../../../web/src/flow-builder/output-labels.ts';
import { createReactFlowMapper } from '../../../web/src/flow-builder/to-react-flow.ts';
import { goldenFlow } from '../flow-dsl/flow-builders.ts';

const golden = (): FlowDocument => flowDocumentSchema.parse(goldenFlow('bike-shop-10-nodes'));
const empty = (): FlowDocument =>
  flowDocumentSchema.parse({ schemaVersion: 2, name: 'New', nodes: [{ id: 'start', type: 'start', data: {} }] });
const node = (document: FlowDocument, id: string) => document.nodes.find((n) => n.id === id)!;

describe('[builder] document edits', () => {
  it('adds a node with its defaults, connected from the output it was added after', () => {
    const { document, nodeId } = addNode(empty(), 'buttons', { x: 300, y: 0 }, { nodeId: 'start', handle: 'next' });
    expect(node(document, nodeId)).toMatchObject({ type: 'buttons', position: { x: 300, y: 0 } });
    expect(document.edges).toEqual([
      expect.objectContaining({ source: 'start', sourceHandle: 'next', target: nodeId }),
    ]);
    expect(validateFlow(document).filter((d) => d.code === 'schema_invalid')).toEqual([]);
  });

  it('keeps one edge per output: connecting it again moves the edge', () => {
    const first = addNode(empty(), 'send_text', { x: 0, y: 0 }, { nodeId: 'start', handle: 'next' });
    const second = addNode(first.document, 'end', { x: 0, y: 0 });
    const moved = connect(second.document, { source: 'start', sourceHandle: 'next', target: second.nodeId });
    expect(moved.edges.filter((e) => e.source === 'start')).toEqual([
      expect.objectContaining({ target: second.nodeId }),
    ]);
  });

  it('drops the edge of a button that was removed, keeps the others', () => {
    const doc = golden();
    const menu = node(doc, 'menu');
    if (menu.type !== 'buttons') {
      throw new Error('the golden menu is a buttons node');
    }
    const next = updateNodeData(doc, 'menu', {
      ...menu.data,
      buttons: menu.data.buttons.filter((b) => b.id !== 'hours'),
    });
    const handles = next.edges.filter((e) => e.source === 'menu').map((e) => e.sourceHandle);
    expect(handles).toEqual(expect.arrayContaining(['button:repair', 'button:human']));
    expect(handles).not.toContain('button:hours');
  });

  it('never deletes the start node; deleting a node takes its edges', () => {
    const doc = golden();
    const next = removeElements(doc, new Set(['start', 'menu']));
    expect(next.nodes.map((n) => n.id)).toContain('start');
    expect(next.nodes.map((n) => n.id)).not.toContain('menu');
    expect(next.edges.some((e) => e.source === 'menu' || e.target === 'menu')).toBe(false);
  });

  it('copies and pastes nodes with new ids, shifted, with the edges between them', () => {
    const doc = golden();
    const clipboard = copyNodes(doc, new Set(['start', 'greet', 'menu']));
    expect(clipboard.nodes.map((n) => n.id)).toEqual(['greet', 'menu']); // the start node is not copied
    const { document, nodeIds } = paste(doc, clipboard, { x: 40, y: 40 });
    expect(nodeIds).toHaveLength(2);
    expect(nodeIds.some((id) => doc.nodes.some((n) => n.id === id))).toBe(false);
    const copy = node(document, nodeIds[0]!);
    expect(copy.position).toEqual({ x: node(doc, 'greet').position.x + 40, y: node(doc, 'greet').position.y + 40 });
    expect(document.edges).toContainEqual(expect.objectContaining({ source: nodeIds[0], target: nodeIds[1] }));
  });
});

describe('[builder] sticky notes', () => {
  it('adds, moves, edits and deletes a note, which the canvas draws behind the nodes', () => {
    const added = addNote(golden(), { x: 5, y: 5 });
    const canvasId = noteCanvasId(added.noteId);
    let doc = moveNodes(added.document, new Map([[canvasId, { x: 50, y: 60 }]]));
    doc = updateNote(doc, added.noteId, { text: 'Ask Rita before changing the prices', color: 'pink' });
    expect(doc.notes).toEqual([
      expect.objectContaining({
        position: { x: 50, y: 60 },
        text: 'Ask Rita before changing the prices',
        color: 'pink',
      }),
    ]);
    const mapped = createReactFlowMapper()(doc, { selected: new Set(), diagnostics: [], path: [], stats: null });
    expect(mapped.nodes[0]).toMatchObject({ id: canvasId, type: 'note', zIndex: -1 });
    expect(removeElements(doc, new Set([canvasId])).notes).toEqual([]);
  });
});

describe('[builder] undo and redo', () => {
  it('undoes and redoes whole edits; changes with one key in a second are one step', () => {
    const a = empty();
    const b = moveNodes(a, new Map([['start', { x: 10, y: 0 }]]));
    const c = moveNodes(b, new Map([['start', { x: 20, y: 0 }]]));
    let h = record(record(startHistory(a), b, 'move:start', 1000), c, 'move:start', 1200);
    expect(h.past).toEqual([a]);
    h = undo(h);
    expect(h.present).toBe(a);
    h = redo(h);
    expect(h.present).toBe(c);
    h = record(h, b, 'move:start', 5000); // a new drag later is its own step
    expect(h.past).toEqual([a, c]);
    expect(h.future).toEqual([]);
  });
});

describe('[builder] tidy up', () => {
  it('lays the golden flow out left to right by distance from the start, without overlaps', () => {
    const laid = autoLayout(golden());
    const x = (id: string) => node(laid, id).position.x;
    expect(x('start')).toBeLessThan(x('greet'));
    expect(x('greet')).toBeLessThan(x('menu'));
    expect(x('menu')).toBeLessThan(x('ask_email'));
    const columns = new Map<number, Array<{ y: number }>>();
    for (const n of laid.nodes) {
      columns.set(n.position.x, [...(columns.get(n.position.x) ?? []), n.position]);
    }
    for (const positions of columns.values()) {
      const ys = positions.map((p) => p.y).sort((p, q) => p - q);
      ys.slice(1).forEach((y, i) => expect(y - ys[i]!).toBeGreaterThanOrEqual(100));
    }
  });
});

describe('[builder] node cards', () => {
  it('names outputs after what the customer sees: button titles, variant shares', () => {
    expect(outputLabels(node(golden(), 'menu')).map((o) => o.label)).toEqual([
      'Book a repair',
      'Opening hours',
      'Talk to us',
      'Invalid answer',
      'No answer',
    ]);
    const split = flowDocumentSchema.parse({
      schemaVersion: 2,
      name: 'AB',
      nodes: [
        {
          id: 'ab',
          type: 'ab_split',
          data: {
            variants: [
              { id: 'a', label: 'A', weight: 1 },
              { id: 'b', label: 'B', weight: 3 },
            ],
          },
        },
      ],
    });
    expect(outputLabels(split.nodes[0]!).map((o) => o.label)).toEqual(['A · 25%', 'B · 75%']);
  });

  it('summarises a message, a question and a condition', () => {
    const doc = golden();
    expect(nodeSummary(node(doc, 'ask_email'))).toEqual([
      'What email address did you use when you dropped off your bike?',
      'Expects email',
      'Saves to {{vars.email}}',
    ]);
    expect(
      conditionText({
        op: 'and',
        conditions: [
          { left: { source: 'var', key: 'status' }, operator: 'equals', value: 'ready' },
          {
            op: 'or',
            conditions: [
              { left: { source: 'tags', key: '' }, operator: 'contains', value: 'vip' },
              { left: { source: 'var', key: 'total' }, operator: 'greater_than', value: '100' },
            ],
          },
        ],
      }),
    ).toBe('var.status equals "ready" and (tags contains "vip" or var.total greater than "100")');
  });
});

describe('[builder] React Flow mapping', () => {
  const overlay = { selected: new Set<string>(), diagnostics: [], path: [], stats: null };

  it('keeps the objects of unchanged nodes, so moving one node re-renders one card', () => {
    const toReactFlow = createReactFlowMapper();
    const doc = golden();
    const before = toReactFlow(doc, overlay);
    const moved = moveNodes(doc, new Map([['menu', { x: 999, y: 999 }]]));
    const after = toReactFlow(moved, overlay);
    const changed = after.nodes.filter((n, i) => n !== before.nodes[i]).map((n) => n.id);
    expect(changed).toEqual(['menu']);
    expect(after.edges.every((e, i) => e === before.edges[i])).toBe(true);
  });

  it('paints diagnostics on their node and edge, and the test path on nodes and edges', () => {
    const toReactFlow = createReactFlowMapper();
    const doc = golden();
    const edgeId = doc.edges.find((e) => e.source === 'greet')!.id;
    const mapped = toReactFlow(doc, {
      ...overlay,
      diagnostics: [
        { nodeId: 'menu', severity: 'error', code: 'missing_field', message: 'The body is empty' },
        { edgeId, severity: 'error', code: 'edge_unknown_handle', message: 'No such output' },
      ],
      path: ['greet', 'menu'],
    });
    const menu = mapped.nodes.find((n) => n.id === 'menu');
    expect(menu?.type === 'flowNode' && menu.data.problems).toHaveLength(1);
    expect(menu?.type === 'flowNode' && menu.data.pathIndex).toBe(1);
    expect(mapped.edges.find((e) => e.id === edgeId)!.className).toBe('is-invalid is-on-path');
  });
});
