// Every node type of the catalogue, grouped and searchable. Drag one onto the canvas, or click it:
// it lands to the right of the selected node and is connected from that node's first free output.
import { useReactFlow } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { NODE_CATALOGUE, NODE_TYPES, type NodeCategory, type NodeType } from '#flow-dsl/catalogue';
import { COLUMN_WIDTH } from './auto-layout.ts';
import { addNode } from './document-ops.ts';
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
    const position = from ? { x: from.position.x + COLUMN_WIDTH, y: from.position.y } : viewport;
    const result = addNode(
      document,
      type,
      position,
      from && freeOutput ? { nodeId: from.id, handle: freeOutput.handle } : undefined,
    );
    editor.change(result.document);
    editor.select([result.nodeId]);
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
