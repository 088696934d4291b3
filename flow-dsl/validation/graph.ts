// The document as a graph: nodes by id, edges by source, and reachability. Shared by the
// validator and the compiler so both agree on what "reachable" means.
import type { FlowDocument, FlowEdge, FlowNode } from '../document.ts';

export type FlowGraph = {
  /** The first node with each id (duplicates are reported, not used). */
  nodes: Map<string, FlowNode>;
  start: FlowNode | null;
  /** Edges whose source and target both exist, by source id. */
  outgoing: Map<string, FlowEdge[]>;
};

export function buildGraph(document: FlowDocument): FlowGraph {
  const nodes = new Map<string, FlowNode>();
  for (const node of document.nodes) {
    if (!nodes.has(node.id)) {
      nodes.set(node.id, node);
    }
  }
  const outgoing = new Map<string, FlowEdge[]>();
  for (const edge of document.edges) {
    if (nodes.has(edge.source) && nodes.has(edge.target)) {
      outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), edge]);
    }
  }
  return { nodes, start: document.nodes.find((node) => node.type === 'start') ?? null, outgoing };
}

/**
 * Ids reachable from `from` (itself included). `passes` decides whether the walk may continue
 * past a node; the node itself is still counted as reached.
 */
export function reachableFrom(
  graph: FlowGraph,
  from: string,
  passes: (node: FlowNode) => boolean = () => true,
): Set<string> {
  const seen = new Set<string>([from]);
  const queue = [from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const node = graph.nodes.get(id);
    if (node === undefined || (id !== from && !passes(node))) {
      continue;
    }
    for (const edge of graph.outgoing.get(id) ?? []) {
      if (!seen.has(edge.target)) {
        seen.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return seen;
}

/** Strongly connected components (Tarjan) of the subgraph of nodes accepted by `include`. */
export function cyclesAmong(graph: FlowGraph, include: (node: FlowNode) => boolean): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (id: string): void => {
    index.set(id, index.size);
    low.set(id, index.get(id)!);
    stack.push(id);
    onStack.add(id);
    for (const { target } of graph.outgoing.get(id) ?? []) {
      if (!include(graph.nodes.get(target)!)) {
        continue;
      }
      if (!index.has(target)) {
        visit(target);
        low.set(id, Math.min(low.get(id)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(id, Math.min(low.get(id)!, index.get(target)!));
      }
    }
    if (low.get(id) === index.get(id)) {
      const component: string[] = [];
      for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
        onStack.delete(member);
        component.push(member);
        if (member === id) {
          break;
        }
      }
      const selfLoop = (graph.outgoing.get(id) ?? []).some((edge) => edge.target === id);
      if (component.length > 1 || selfLoop) {
        cycles.push(component);
      }
    }
  };
  for (const [id, node] of graph.nodes) {
    if (include(node) && !index.has(id)) {
      visit(id);
    }
  }
  return cycles;
}
