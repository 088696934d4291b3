// The document as React Flow nodes and edges, plus what the canvas paints on them (selection,
// diagnostics, the test run's path, analytics). Unchanged nodes keep their React Flow object, so
// dragging one node in a 500-node flow re-renders one card, not all of them.
import type { Edge, Node } from '@xyflow/react';
import type { FlowDocument, FlowEdge, FlowNode, StickyNote } from '#flow-dsl/document';
import type { Diagnostic } from '#flow-dsl/validate';
import { noteCanvasId } from './document-ops.ts';

export type NodeStats = { entered: number; exited: number; dropped: number; averageMs: number | null };

export type Size = { width: number; height: number };

export type Overlay = {
  selected: ReadonlySet<string>;
  /** Sizes React Flow measured; the minimap and hit tests read them off the nodes. */
  measured?: ReadonlyMap<string, Size>;
  diagnostics: readonly Diagnostic[];
  /** Node ids the test run went through, in order. */
  path: readonly string[];
  stats: ReadonlyMap<string, NodeStats> | null;
};

export type FlowNodeData = {
  node: FlowNode;
  problems: Diagnostic[];
  pathIndex: number | null;
  stats: NodeStats | null;
};
export type FlowCanvasNode = Node<FlowNodeData, 'flowNode'>;
export type NoteCanvasNode = Node<{ note: StickyNote }, 'note'>;
export type CanvasNode = FlowCanvasNode | NoteCanvasNode;
export type FlowCanvasEdge = Edge<{ edge: FlowEdge }>;

type Cached<T> = { inputs: unknown[]; value: T };

export function createReactFlowMapper() {
  const nodes = new Map<string, Cached<CanvasNode>>();
  const edges = new Map<string, Cached<FlowCanvasEdge>>();

  return function toReactFlow(document: FlowDocument, overlay: Overlay) {
    const problemsByNode = groupBy(overlay.diagnostics, (d) => d.nodeId);
    const problemsByEdge = groupBy(overlay.diagnostics, (d) => d.edgeId);
    const pathIndex = new Map(overlay.path.map((id, i) => [id, i] as const));
    const onPath = new Set(overlay.path.slice(1).map((id, i) => `${overlay.path[i]}>${id}`));
    const rfNodes = document.nodes.map((node) => {
      const problems = problemsByNode.get(node.id) ?? EMPTY;
      const stats = overlay.stats?.get(node.id) ?? null;
      // Validation rebuilds the diagnostics: compare their text, so equal problems keep the card.
      const problemsKey = problems.map((d) => `${d.severity}:${d.code}:${d.field ?? ''}:${d.message}`).join('|');
      const measured = overlay.measured?.get(node.id);
      const inputs = [
        node,
        overlay.selected.has(node.id),
        problemsKey,
        pathIndex.get(node.id) ?? null,
        stats,
        measured,
      ];
      return memo(nodes, node.id, inputs, () => ({
        id: node.id,
        type: 'flowNode' as const,
        position: node.position,
        ...(measured ? { measured } : {}),
        selected: overlay.selected.has(node.id),
        deletable: node.type !== 'start',
        data: { node, problems, pathIndex: pathIndex.get(node.id) ?? null, stats },
      }));
    });
    const rfNotes = document.notes.map((note) => {
      const id = noteCanvasId(note.id);
      const measured = overlay.measured?.get(id);
      return memo(nodes, id, [note, overlay.selected.has(id), measured], () => ({
        id,
        type: 'note' as const,
        position: note.position,
        ...(measured ? { measured } : {}),
        selected: overlay.selected.has(id),
        zIndex: -1, // behind the nodes it describes
        style: { width: note.width ?? 220, height: note.height ?? 140 },
        data: { note },
      }));
    });
    const rfEdges = document.edges.map((edge) => {
      const invalid = problemsByEdge.get(edge.id)?.some((d) => d.severity === 'error') ?? false;
      const highlighted = onPath.has(`${edge.source}>${edge.target}`);
      const selected = overlay.selected.has(edge.id);
      return memo(edges, edge.id, [edge, invalid, highlighted, selected], () => ({
        id: edge.id,
        source: edge.source,
        sourceHandle: edge.sourceHandle,
        target: edge.target,
        selected,
        className: [invalid && 'is-invalid', highlighted && 'is-on-path'].filter(Boolean).join(' ') || undefined,
        data: { edge },
      }));
    });
    prune(nodes, [...document.nodes, ...document.notes.map((n) => ({ id: noteCanvasId(n.id) }))]);
    prune(edges, document.edges);
    return { nodes: [...rfNotes, ...rfNodes] as CanvasNode[], edges: rfEdges };
  };
}

const EMPTY: Diagnostic[] = [];

function memo<T>(cache: Map<string, Cached<T>>, id: string, inputs: unknown[], build: () => T): T {
  const hit = cache.get(id);
  if (hit && hit.inputs.length === inputs.length && hit.inputs.every((v, i) => v === inputs[i])) {
    return hit.value;
  }
  const value = build();
  cache.set(id, { inputs, value });
  return value;
}

function prune(cache: Map<string, unknown>, alive: ReadonlyArray<{ id: string }>): void {
  if (cache.size > alive.length) {
    const ids = new Set(alive.map((a) => a.id));
    for (const id of cache.keys()) {
      if (!ids.has(id)) {
        cache.delete(id);
      }
    }
  }
}

function groupBy(diagnostics: readonly Diagnostic[], key: (d: Diagnostic) => string | undefined) {
  const groups = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const id = key(diagnostic);
    if (id) {
      groups.set(id, [...(groups.get(id) ?? []), diagnostic]);
    }
  }
  return groups;
}
