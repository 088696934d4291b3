// Small builders for flow documents in tests: a chain of nodes with `next` edges, and a scope.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { emptyScope, type FlowScope } from '#flow-dsl/scope';

export type RawNode = { id: string; type: string; data?: Record<string, unknown>; position?: { x: number; y: number } };
export type RawEdge = { id: string; source: string; sourceHandle: string; target: string };

export function flowDocument(nodes: RawNode[], edges: RawEdge[], extra: Record<string, unknown> = {}) {
  return {
    schemaVersion: 2,
    name: 'Test flow',
    trigger: { type: 'manual' },
    variables: [],
    nodes: nodes.map((node, index) => ({ position: { x: index * 200, y: 0 }, data: {}, ...node })),
    edges,
    ...extra,
  };
}

export function edge(source: string, target: string, sourceHandle = 'next'): RawEdge {
  return { id: `${source}-${sourceHandle}-${target}`, source, sourceHandle, target };
}

/** start → the given nodes in order, each by `next` (the last one's outputs stay open). */
export function chain(...nodes: RawNode[]) {
  const all: RawNode[] = [{ id: 'start', type: 'start' }, ...nodes];
  const edges = all.slice(1).map((node, index) => edge(all[index]!.id, node.id));
  return flowDocument(all, edges);
}

export function text(id: string, body = 'Hello'): RawNode {
  return { id, type: 'send_text', data: { text: body } };
}

export function scope(overrides: Partial<FlowScope> = {}): FlowScope {
  const base = emptyScope();
  return {
    ...base,
    ...overrides,
    contact: {
      ...base.contact,
      id: 'c1',
      name: 'Ana',
      phone: '+351912345678',
      waId: '351912345678',
      ...overrides.contact,
    },
  };
}

export function goldenFlow(name: string): Record<string, unknown> {
  const file = path.join(__dirname, '..', '..', 'fixtures', 'flows', `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}
