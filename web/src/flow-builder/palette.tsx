// Every node type of the catalogue, grouped and searchable. Drag one onto the canvas, or click it:
// it lands to the right of the selected node, connected from that node's first free output, and
// the canvas moves to it.
import { useReactFlow } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { NODE_CATALOGUE, NODE_TYPES, type NodeCategory, type NodeType } from '#flow-dsl/catalogue';
import { COLUMN_WIDTH, estimatedHeight } from './auto-layout.ts';
import { addNode, type Position } from './document-ops.ts';
import { outputLabels } from './output-labels.ts';
import type { FlowEditor } from './use-flow-editor.ts';

export const PALETTE_DRAG_TYPE = 'application/x-parley-node';

const CATEGORIES: Array<[NodeCategory, string]> = [
  ['messages', 'Messages'],
  ['questions', 'Questions'],
  ['logic', 'Logic'],
  ['contacts', 'Contacts'],
  ['integrations', 'Integrations'],
  ['ai', 'AI'],
  ['flow', 'Flow'],
];

export function Palette({ editor }: { editor: FlowEditor }) {
  const [search, setSearch] = useState('');
  const flow = useReactFlow();
  const groups = useMemo(() => {
    const query = search.trim().toLowerCase();
    const matches = NODE_TYPES.filter((type) => {
      const entry = NODE_CATALOGUE[type];
      return type !== 'start' && `${entry.label} ${entry.description}`.toLowerCase().includes(query);
    });
    return CATEGORIES.map(([category, title]) => ({
      title,
      types: matches.filter((type) => NODE_CATALOGUE[type].category === category),
    })).filter((group) => group.types.length > 0);
  }, [search]);

  const addByClick = (type: NodeType) => {
    const { document } = editor;
    const from = document.nodes.find((n) => editor.selectedNodeIds.has(n.id));
    const used = new Set(document.edges.filter((e) => e.source === from?.id).map((e) => e.sourceHandle));
    const freeOutput = from && outputLabels(from).find((o) => !used.has(o.handle));
    const viewport = flow.screenToFlowPosition({ x: window.innerWidth / 2, y: window.innerHeight / 2 });
    const position = freeSpot(document, from ? { x: from.position.x + COLUMN_WIDTH, y: from.position.y } : viewport);
    const result = addNode(
      document,
      type,
      position,
      from && freeOutput ? { nodeId: from.id, handle: freeOutput.handle } : undefined,
    );
    editor.change(result.document);
    editor.select([result.nodeId]);
    // Follow the flow as it grows: the new card is where the user looks next.
    void flow.setCenter(position.x + 130, position.y + 90, { zoom: Math.max(flow.getZoom(), 0.7), duration: 200 });
  };

  return (
    <aside className="fb-palette" aria-label="Node palette">
      <input
        className="input fb-palette-search"
        type="search"
        placeholder="Search nodes"
        aria-label="Search nodes"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {groups.length === 0 && <p className="fb-palette-empty">No node matches “{search}”.</p>}
      {groups.map((group) => (
        <section key={group.title} className="fb-palette-group">
          <h3 className="fb-palette-title">{group.title}</h3>
          {group.types.map((type) => (
            <button
              key={type}
              type="button"
              className={`fb-palette-item fb-cat-${NODE_CATALOGUE[type].category}`}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(PALETTE_DRAG_TYPE, type);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onClick={() => addByClick(type)}
              title={NODE_CATALOGUE[type].description}
            >
              {NODE_CATALOGUE[type].label}
            </button>
          ))}
        </section>
      ))}
    </aside>
  );
}

/** Below `wanted` until no card is in the way (a second branch goes under the first). */
function freeSpot(document: FlowEditor['document'], wanted: Position): Position {
  let y = wanted.y;
  while (
    document.nodes.some(
      (n) =>
        Math.abs(n.position.x - wanted.x) < 260 &&
        y - n.position.y > -120 &&
        y - n.position.y < estimatedHeight(n) + 30,
    )
  ) {
    y += 60;
  }
  return { x: wanted.x, y };
}
