// Rules on the shape of the graph: one start, unique ids, edges that connect real outputs, no
// output used twice, no node out of reach, and no loop the customer is never asked to break.
import { waitsForCustomer } from '../catalogue.ts';
import type { FlowDocument, FlowNode } from '../document.ts';
import { nodeOutputs } from '../node-outputs.ts';
import { error, warning, type Diagnostic } from './diagnostic.ts';
import { buildGraph, cyclesAmong, reachableFrom } from './graph.ts';

/** Handles where ending the session is the usual intent: the customer left or never answered. */
const QUIET_OUTPUTS = new Set(['timeout', 'invalid']);

export function graphRules(document: FlowDocument, options: { flowId?: string }): Diagnostic[] {
  const graph = buildGraph(document);
  const diagnostics: Diagnostic[] = [...startRules(document), ...duplicateIds(document), ...edgeRules(document)];
  if (graph.start === null) {
    return diagnostics;
  }
  const reachable = reachableFrom(graph, graph.start.id);
  for (const node of graph.nodes.values()) {
    if (!reachable.has(node.id)) {
      diagnostics.push(warning('unreachable_node', `Nothing leads to node ${node.id}.`, { nodeId: node.id }));
      continue;
    }
    const connected = new Set((graph.outgoing.get(node.id) ?? []).map((edge) => edge.sourceHandle));
    for (const handle of nodeOutputs(node)) {
      if (!connected.has(handle) && !QUIET_OUTPUTS.has(handle)) {
        diagnostics.push(
          warning('dangling_output', `Output ${handle} of ${node.id} leads nowhere: the flow ends there.`, {
            nodeId: node.id,
            field: handle,
          }),
        );
      }
    }
  }
  const spins = (node: FlowNode) => reachable.has(node.id) && !waitsForCustomer(node.type);
  for (const cycle of cyclesAmong(graph, spins)) {
    const first = document.nodes.find((node) => cycle.includes(node.id))!;
    const message = `Nodes ${cycle.join(', ')} form a loop that never waits for the customer.`;
    diagnostics.push(error('loop_without_wait', message, { nodeId: first.id }));
  }
  const withoutWaiting = reachableFrom(graph, graph.start.id, (node) => !waitsForCustomer(node.type));
  for (const node of document.nodes) {
    if (
      node.type === 'jump_to_flow' &&
      options.flowId &&
      node.data.flowId === options.flowId &&
      withoutWaiting.has(node.id)
    ) {
      const message = `Node ${node.id} restarts this flow before the customer is asked anything: it would loop.`;
      diagnostics.push(error('invalid_jump', message, { nodeId: node.id, field: 'flowId' }));
    }
  }
  return diagnostics;
}

function startRules(document: FlowDocument): Diagnostic[] {
  const starts = document.nodes.filter((node) => node.type === 'start');
  if (starts.length === 0) {
    return [error('missing_start', 'The flow needs a start node.')];
  }
  return starts
    .slice(1)
    .map((node) => error('multiple_starts', `Node ${node.id} is a second start node.`, { nodeId: node.id }));
}

function duplicateIds(document: FlowDocument): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const node of document.nodes) {
    if (seen.has(node.id)) {
      diagnostics.push(error('duplicate_node_id', `Two nodes have the id ${node.id}.`, { nodeId: node.id }));
    }
    seen.add(node.id);
  }
  return diagnostics;
}

function edgeRules(document: FlowDocument): Diagnostic[] {
  const nodes = new Map(document.nodes.map((node) => [node.id, node] as const));
  const used = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const edge of document.edges) {
    const source = nodes.get(edge.source);
    const missing = [edge.source, edge.target].filter((id) => !nodes.has(id));
    if (missing.length > 0) {
      const message = `Edge ${edge.id} connects a node that does not exist (${missing.join(', ')}).`;
      diagnostics.push(error('edge_unknown_node', message, { edgeId: edge.id }));
    } else if (source && !nodeOutputs(source).includes(edge.sourceHandle)) {
      const message = `Edge ${edge.id} leaves ${edge.source} by ${edge.sourceHandle}, which it does not have.`;
      diagnostics.push(error('edge_unknown_handle', message, { edgeId: edge.id, nodeId: edge.source }));
    } else if (used.has(`${edge.source}\u0000${edge.sourceHandle}`)) {
      const message = `Output ${edge.sourceHandle} of ${edge.source} already has an edge; an output leads to one node.`;
      diagnostics.push(error('duplicate_output', message, { edgeId: edge.id, nodeId: edge.source }));
    }
    used.add(`${edge.source}\u0000${edge.sourceHandle}`);
  }
  return diagnostics;
}
