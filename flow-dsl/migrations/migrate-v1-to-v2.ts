// Version 1, the first draft format: no start node (the first node was the entry) and edges
// without handles (every edge meant `next`). Version 2 makes both explicit.

type RawNode = { id?: unknown; type?: unknown; position?: { x?: unknown; y?: unknown } };
type RawEdge = { id?: unknown; source?: unknown; target?: unknown; sourceHandle?: unknown };
type RawDocument = Record<string, unknown> & { nodes?: unknown; edges?: unknown };

export function migrateV1ToV2(v1: RawDocument): Record<string, unknown> {
  const nodes = Array.isArray(v1.nodes) ? (v1.nodes as RawNode[]) : [];
  const edges = (Array.isArray(v1.edges) ? (v1.edges as RawEdge[]) : []).map((edge, index) => ({
    ...edge,
    id: typeof edge.id === 'string' && edge.id !== '' ? edge.id : `e${index + 1}`,
    sourceHandle: typeof edge.sourceHandle === 'string' && edge.sourceHandle !== '' ? edge.sourceHandle : 'next',
  }));
  const hasStart = nodes.some((node) => node.type === 'start');
  const first = nodes[0];
  if (hasStart || first === undefined) {
    return { ...v1, schemaVersion: 2, nodes, edges };
  }
  const ids = new Set(nodes.map((node) => node.id));
  const startId = freshId('start', ids);
  const at = first.position ?? {};
  const start = {
    id: startId,
    type: 'start',
    position: { x: (typeof at.x === 'number' ? at.x : 0) - 250, y: typeof at.y === 'number' ? at.y : 0 },
    data: {},
  };
  const startEdge = {
    id: freshId(`e-${startId}`, new Set(edges.map((e) => e.id))),
    source: startId,
    sourceHandle: 'next',
    target: first.id,
  };
  return { ...v1, schemaVersion: 2, nodes: [start, ...nodes], edges: [startEdge, ...edges] };
}

function freshId(base: string, taken: Set<unknown>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) {
    id = `${base}_${n}`;
  }
  return id;
}
