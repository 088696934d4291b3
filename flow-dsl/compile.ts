// compileFlow: a valid document → the FlowProgram the interpreter runs. Only reachable nodes are
// kept, positions dropped, defaults applied (by the schema parse), every output mapped to its
// target or null, and the result hashed and deep-frozen.
import { canonicalJson } from './canonical-json.ts';
import type { FlowNode } from './document.ts';
import { sha256Hex } from './hash.ts';
import { migrateFlowDocument } from './migrations/index.ts';
import { nodeOutputs } from './node-outputs.ts';
import { PROGRAM_FORMAT, type FlowProgram, type ProgramStep } from './program.ts';
import { validateFlow } from './validate.ts';
import type { Diagnostic } from './validation/diagnostic.ts';
import { buildGraph, reachableFrom, type FlowGraph } from './validation/graph.ts';
import { flowVariables } from './validation/variable-rules.ts';

export class FlowCompileError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    super(`The flow has ${diagnostics.length} error(s): ${diagnostics.map((d) => d.message).join(' ')}`);
    this.name = 'FlowCompileError';
    this.diagnostics = diagnostics;
  }
}

export type CompileOptions = { flowId: string; flowVersion: number };

/** Throws FlowCompileError with the error diagnostics when validateFlow finds any. */
export function compileFlow(document: unknown, options: CompileOptions): FlowProgram {
  const errors = validateFlow(document, { flowId: options.flowId }).filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new FlowCompileError(errors);
  }
  const parsed = migrateFlowDocument(document).document;
  const graph = buildGraph(parsed);
  const start = graph.start!;
  const reachable = reachableFrom(graph, start.id);
  const entry = targetOf(graph, start.id, 'next');
  const kept = parsed.nodes.filter((node) => reachable.has(node.id) && node.type !== 'start');
  const steps: Record<string, ProgramStep> = {};
  for (const node of kept) {
    steps[node.id] = toStep(node, graph, entry);
  }
  const program: Omit<FlowProgram, 'hash'> = {
    format: PROGRAM_FORMAT,
    flowId: options.flowId,
    flowVersion: options.flowVersion,
    name: parsed.name,
    entry,
    steps,
    variables: flowVariables(parsed, kept),
  };
  return deepFreeze({ ...program, hash: programHash(program) });
}

/** sha256 of the canonical JSON of a program without its hash (so stored programs can be checked). */
export function programHash(program: Omit<FlowProgram, 'hash'> | FlowProgram): string {
  const { hash: _hash, ...rest } = program as FlowProgram;
  return sha256Hex(canonicalJson(rest));
}

function toStep(node: FlowNode, graph: FlowGraph, entry: string | null): ProgramStep {
  const next: Record<string, string | null> = {};
  for (const handle of nodeOutputs(node)) {
    const target = targetOf(graph, node.id, handle);
    // An edge back into start restarts the flow: it goes where start goes.
    next[handle] = target !== null && target === graph.start?.id ? entry : target;
  }
  return { id: node.id, type: node.type, data: node.data, next } as ProgramStep;
}

function targetOf(graph: FlowGraph, source: string, handle: string): string | null {
  return graph.outgoing.get(source)?.find((edge) => edge.sourceHandle === handle)?.target ?? null;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const entry of Object.values(value)) {
      deepFreeze(entry);
    }
  }
  return value;
}
