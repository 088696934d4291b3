// Every edit the canvas makes to a flow document, as pure functions: the editor keeps the document
// as its one source of truth and these return the next one (undo is the previous object).
import { NODE_DEFAULTS, nodeOutputs, type NodeType, type TypedNodeData } from '#flow-dsl/catalogue';
import type { FlowDocument, FlowEdge, FlowNode, StickyNote } from '#flow-dsl/document';

export type Position = { x: number; y: number };
export type Clipboard = { nodes: FlowNode[]; edges: FlowEdge[] };

/** A short id that reads well in diagnostics (`buttons_k3f9`), unique in the document. */
export function newId(prefix: string, taken: ReadonlySet<string>): string {
  for (;;) {
    const id = `${prefix}_${Math.random().toString(36).slice(2, 6)}`;
    if (!taken.has(id)) {
      return id;
    }
  }
}

export function addNode(
  document: FlowDocument,
  type: NodeType,
  position: Position,
  connectFrom?: { nodeId: string; handle: string },
): { document: FlowDocument; nodeId: string } {
  const id = newId(type, new Set(document.nodes.map((n) => n.id)));
  const node = { id, type, position, data: structuredClone(NODE_DEFAULTS[type]) } as FlowNode;
  let next: FlowDocument = { ...document, nodes: [...document.nodes, node] };
  if (connectFrom) {
    next = connect(next, { source: connectFrom.nodeId, sourceHandle: connectFrom.handle, target: id });
  }
  return { document: next, nodeId: id };
}

/** Moves nodes and notes (a note's canvas id is `note:<id>`, see to-react-flow.ts). */
export function moveNodes(document: FlowDocument, positions: ReadonlyMap<string, Position>): FlowDocument {
  const moved = <T extends { position: Position }>(item: T, canvasId: string): T => {
    const position = positions.get(canvasId);
    return position ? { ...item, position } : item;
  };
  return {
    ...document,
    nodes: document.nodes.map((node) => moved(node, node.id)),
    notes: document.notes.some((n) => positions.has(noteCanvasId(n.id)))
      ? document.notes.map((note) => moved(note, noteCanvasId(note.id)))
      : document.notes,
  };
}

export const NOTE_PREFIX = 'note:';
export const noteCanvasId = (noteId: string) => `${NOTE_PREFIX}${noteId}`;

export function addNote(document: FlowDocument, position: Position): { document: FlowDocument; noteId: string } {
  const id = newId('note', new Set(document.notes.map((n) => n.id)));
  const note: StickyNote = { id, position, text: '', color: 'yellow', width: 220, height: 140 };
  return { document: { ...document, notes: [...document.notes, note] }, noteId: id };
}

export function updateNote(
  document: FlowDocument,
  noteId: string,
  patch: Partial<Omit<StickyNote, 'id'>>,
): FlowDocument {
  return { ...document, notes: document.notes.map((n) => (n.id === noteId ? { ...n, ...patch } : n)) };
}

/** New data for a node; edges that left by an output the node no longer has (a removed button) go. */
export function updateNodeData(document: FlowDocument, nodeId: string, data: FlowNode['data']): FlowDocument {
  let updated: FlowNode | undefined;
  const nodes = document.nodes.map((node) => {
    if (node.id !== nodeId) {
      return node;
    }
    updated = { ...node, data } as FlowNode;
    return updated;
  });
  if (!updated) {
    return document;
  }
  const outputs = new Set(nodeOutputs(updated as TypedNodeData));
  const edges = document.edges.filter((edge) => edge.source !== nodeId || outputs.has(edge.sourceHandle));
  return { ...document, nodes, edges };
}

/** One edge per output: connecting an output that already leads somewhere moves it. */
export function connect(document: FlowDocument, link: Omit<FlowEdge, 'id'>): FlowDocument {
  const kept = document.edges.filter((e) => !(e.source === link.source && e.sourceHandle === link.sourceHandle));
  const id = newId('edge', new Set(document.edges.map((e) => e.id)));
  return { ...document, edges: [...kept, { id, ...link }] };
}

/** Removes nodes (never the start node: a flow needs one) with their edges, notes, and edges. */
export function removeElements(
  document: FlowDocument,
  nodeIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string> = new Set(),
): FlowDocument {
  const removable = new Set([...nodeIds].filter((id) => document.nodes.find((n) => n.id === id)?.type !== 'start'));
  const notes = document.notes.filter((n) => !nodeIds.has(noteCanvasId(n.id)));
  if (removable.size === 0 && edgeIds.size === 0 && notes.length === document.notes.length) {
    return document;
  }
  return {
    ...document,
    notes,
    nodes: document.nodes.filter((n) => !removable.has(n.id)),
    edges: document.edges.filter((e) => !edgeIds.has(e.id) && !removable.has(e.source) && !removable.has(e.target)),
  };
}

/** The selected nodes (not the start node) and the edges between them. */
export function copyNodes(document: FlowDocument, nodeIds: ReadonlySet<string>): Clipboard {
  const nodes = document.nodes.filter((n) => nodeIds.has(n.id) && n.type !== 'start');
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: document.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

/** Pastes copies with new ids, shifted by `offset`; returns the new nodes' ids (the new selection). */
export function paste(
  document: FlowDocument,
  clipboard: Clipboard,
  offset: Position,
): { document: FlowDocument; nodeIds: string[] } {
  const taken = new Set(document.nodes.map((n) => n.id));
  const renamed = new Map<string, string>();
  const nodes = clipboard.nodes.map((node) => {
    const id = newId(node.type, taken);
    taken.add(id);
    renamed.set(node.id, id);
    const position = { x: node.position.x + offset.x, y: node.position.y + offset.y };
    return { ...structuredClone(node), id, position } as FlowNode;
  });
  const edgeIds = new Set(document.edges.map((e) => e.id));
  const edges = clipboard.edges.map((edge) => {
    const id = newId('edge', edgeIds);
    edgeIds.add(id);
    return { ...edge, id, source: renamed.get(edge.source)!, target: renamed.get(edge.target)! };
  });
  return {
    document: { ...document, nodes: [...document.nodes, ...nodes], edges: [...document.edges, ...edges] },
    nodeIds: nodes.map((n) => n.id),
  };
}
