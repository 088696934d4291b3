// The React Flow canvas over the editor's document: drag, connect, select, delete, pan, zoom, the
// minimap, and palette items dropped in. The document stays the one source of truth; React Flow
// only reports what the user did (to-react-flow.ts maps back the other way).
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { isNodeType } from '#flow-dsl/catalogue';
import { addNode, connect, moveNodes, removeElements, updateNote, type Position } from './document-ops.ts';
import { FlowNodeCard } from './flow-node-card.tsx';
import { PALETTE_DRAG_TYPE } from './palette.tsx';
import { NoteActionsContext, StickyNote } from './sticky-note.tsx';
import {
  createReactFlowMapper,
  type CanvasNode,
  type FlowCanvasEdge,
  type NodeStats,
  type Size,
} from './to-react-flow.ts';
import type { FlowEditor } from './use-flow-editor.ts';

const NODE_TYPES = { flowNode: FlowNodeCard, note: StickyNote };
/**
 * A flow this large (or this wide) opens at reading size where it begins, instead of fitted whole:
 * fitted, its cards are too small to read, and painting hundreds of them makes opening and
 * dragging slow.
 * Only the cards on screen are rendered (docs/benchmarks.md, flow builder).
 */
const FIT_WHOLE_UP_TO = 40;
/** Below this zoom the cards' text is too small to read. */
const READABLE_ZOOM = 0.55;
const OPEN_ZOOM = 0.85;
const DELETE_KEYS = ['Backspace', 'Delete'];
const MULTI_SELECT_KEYS = ['Meta', 'Control', 'Shift'];

type Props = {
  editor: FlowEditor;
  readOnly: boolean;
  path: readonly string[];
  stats: ReadonlyMap<string, NodeStats> | null;
};

export function FlowCanvas({ editor, readOnly, path, stats }: Props) {
  const { document, change, diagnostics, selected, select } = editor;
  const [mapper] = useState(createReactFlowMapper);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const { nodes, edges } = useMemo(
    () => mapper(document, { selected, measured, diagnostics, path, stats }),
    [mapper, document, selected, measured, diagnostics, path, stats],
  );
  const flow = useReactFlow();
  const [initialView] = useState(() => openingView(document));

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const positions = new Map<string, Position>();
      const sizes = new Map<string, Size>();
      let selection: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) {
          sizes.set(c.id, c.dimensions);
        } else if (c.type === 'position' && c.position) {
          positions.set(c.id, c.position);
        } else if (c.type === 'select') {
          selection ??= new Set(selected);
          if (c.selected) {
            selection.add(c.id);
          } else {
            selection.delete(c.id);
          }
        }
      }
      if (positions.size > 0) {
        change((d) => moveNodes(d, positions), `move:${[...positions.keys()].join(',')}`);
      }
      if (selection) {
        select(selection);
      }
      if (sizes.size > 0) {
        // React Flow reports sizes again when it re-adopts nodes: only a real change is stored.
        setMeasured((current) => {
          const changed = [...sizes].filter(([id, size]) => {
            const known = current.get(id);
            return known?.width !== size.width || known.height !== size.height;
          });
          return changed.length === 0 ? current : new Map([...current, ...changed]);
        });
      }
    },
    [change, select, selected],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowCanvasEdge>[]) => {
      const selection = new Set(selected);
      let touched = false;
      for (const c of changes) {
        if (c.type === 'select') {
          touched = true;
          if (c.selected) {
            selection.add(c.id);
          } else {
            selection.delete(c.id);
          }
        }
      }
      if (touched) {
        select(selection);
      }
    },
    [select, selected],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (c.sourceHandle) {
        change(connect(document, { source: c.source, sourceHandle: c.sourceHandle, target: c.target }));
      }
    },
    [change, document],
  );

  const onDelete = useCallback(
    ({ nodes: gone, edges: cut }: { nodes: CanvasNode[]; edges: FlowCanvasEdge[] }) => {
      change((d) => removeElements(d, new Set(gone.map((n) => n.id)), new Set(cut.map((e) => e.id))));
      select([]);
    },
    [change, select],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
      if (!isNodeType(type) || readOnly) {
        return;
      }
      event.preventDefault();
      const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const result = addNode(document, type, position);
      change(result.document);
      select([result.nodeId]);
    },
    [change, document, flow, readOnly, select],
  );

  const noteActions = useMemo(
    () => ({
      readOnly,
      update: (noteId: string, patch: Parameters<typeof updateNote>[2]) =>
        change((d) => updateNote(d, noteId, patch), `note:${noteId}:${Object.keys(patch).join(',')}`),
    }),
    [change, readOnly],
  );

  return (
    <NoteActionsContext.Provider value={noteActions}>
      <div className="fb-canvas" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onDelete={onDelete}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          elementsSelectable
          deleteKeyCode={readOnly ? null : DELETE_KEYS}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          selectionKeyCode="Shift"
          minZoom={0.1}
          maxZoom={2}
          {...initialView}
          onlyRenderVisibleElements
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable nodeColor="#9ca3af" nodeStrokeWidth={3} ariaLabel="Flow overview" />
        </ReactFlow>
      </div>
    </NoteActionsContext.Provider>
  );
}

function openingView(document: FlowEditor['document']) {
  if (document.nodes.length <= FIT_WHOLE_UP_TO && fittedZoom(document) >= READABLE_ZOOM) {
    return { fitView: true, fitViewOptions: { padding: 0.15, maxZoom: 1 } };
  }
  const start = document.nodes.find((n) => n.type === 'start') ?? document.nodes[0];
  const at = start?.position ?? { x: 0, y: 0 };
  return { defaultViewport: { x: 60 - at.x * OPEN_ZOOM, y: 160 - at.y * OPEN_ZOOM, zoom: OPEN_ZOOM } };
}

/** About the zoom that fits the whole flow in the canvas (beside the palette and the side panel). */
function fittedZoom(document: FlowEditor['document']): number {
  const xs = document.nodes.map((n) => n.position.x);
  const ys = document.nodes.map((n) => n.position.y);
  const width = Math.max(...xs) - Math.min(...xs) + 260;
  const height = Math.max(...ys) - Math.min(...ys) + 200;
  return Math.min((window.innerWidth - 800) / width, (window.innerHeight - 280) / height);
}
