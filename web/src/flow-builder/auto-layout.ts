// Tidies a flow left to right: each node in the column of its shortest distance from the start,
// stacked in the order the outputs lead to them, so branches fan out below each other. Nodes the
// start does not reach go to a column of their own after the rest. Pure; positions only.
import type { FlowDocument } from '#flow-dsl/document';
import { nodeSummary } from './node-summary.ts';
import { outputLabels } from './output-labels.ts';

export const COLUMN_WIDTH = 340;
const ROW_GAP = 40;

/** About how tall a node card renders: its header, its summary lines and one row per output. */
export function estimatedHeight(node: FlowDocument['nodes'][number]): number {
  return 56 + 20 * nodeSummary(node).length + 26 * outputLabels(node).length;
}

export function autoLayout(document: FlowDocument): FlowDocument {
  const byId = new Map(document.nodes.map((n) => [n.id, n]));
  const column = new Map<string, number>();
  const order: string[] = [];
  const start = document.nodes.find((n) => n.type === 'start');
  const queue = start ? [start.id] : [];
  if (start) {
    column.set(start.id, 0);
  }
  while (queue.length > 0) {
    const id = queue.shift()!;
    order.push(id);
    const node = byId.get(id)!;
    const handles = outputLabels(node).map((o) => o.handle);
    const outgoing = document.edges
      .filter((e) => e.source === id && byId.has(e.target))
      .sort((a, b) => handles.indexOf(a.sourceHandle) - handles.indexOf(b.sourceHandle));
    for (const edge of outgoing) {
      if (!column.has(edge.target)) {
        column.set(edge.target, column.get(id)! + 1);
        queue.push(edge.target);
      }
    }
  }
  const lastColumn = Math.max(-1, ...column.values());
  for (const node of document.nodes) {
    if (!column.has(node.id)) {
      column.set(node.id, lastColumn + 1);
      order.push(node.id);
    }
  }
  const nextY = new Map<number, number>();
  const positions = new Map<string, { x: number; y: number }>();
  for (const id of order) {
    const col = column.get(id)!;
    const y = nextY.get(col) ?? 0;
    positions.set(id, { x: col * COLUMN_WIDTH, y });
    nextY.set(col, y + estimatedHeight(byId.get(id)!) + ROW_GAP);
  }
  return { ...document, nodes: document.nodes.map((n) => ({ ...n, position: positions.get(n.id)! })) };
}
