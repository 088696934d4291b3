// What the interpreter runs: the compiled, validated form of a document (compile.ts makes it; the
// API stores it in FlowVersion.program and reads it back with flowProgramSchema).
import { z } from 'zod';
import type { NodeData, NodeType } from './node-types.ts';
import { NODE_DATA_SCHEMAS } from './nodes/registry.ts';
import { PROGRAM_FORMAT } from './program-format.ts';

export { PROGRAM_FORMAT };

/** Output handle → the next step's id, or null where the session ends. */
const nextSchema = z.record(z.string(), z.string().nullable());

function stepOfType<T extends NodeType>(type: T) {
  return z.object({ id: z.string(), type: z.literal(type), data: NODE_DATA_SCHEMAS[type], next: nextSchema });
}

export const programStepSchema = z.discriminatedUnion('type', [
  stepOfType('start'),
  stepOfType('send_text'),
  stepOfType('send_media'),
  stepOfType('send_template'),
  stepOfType('buttons'),
  stepOfType('list'),
  stepOfType('ask_question'),
  stepOfType('condition'),
  stepOfType('set_variable'),
  stepOfType('update_contact'),
  stepOfType('add_tag'),
  stepOfType('remove_tag'),
  stepOfType('http_request'),
  stepOfType('webhook'),
  stepOfType('google_sheets'),
  stepOfType('data_table_lookup'),
  stepOfType('delay'),
  stepOfType('business_hours'),
  stepOfType('ab_split'),
  stepOfType('jump_to_flow'),
  stepOfType('handoff'),
  stepOfType('close_conversation'),
  stepOfType('ai_intent'),
  stepOfType('ai_reply'),
  stepOfType('end'),
]);

/** A step of one type (`ProgramStep<'buttons'>`); ProgramStep alone is the union over types. */
export type ProgramStep<T extends NodeType = NodeType> = {
  [K in T]: { id: string; type: K; data: NodeData<K>; next: Record<string, string | null> };
}[T];

export const flowProgramSchema = z.object({
  format: z.literal(PROGRAM_FORMAT),
  flowId: z.string(),
  /** 0 for a draft run by the test panel. */
  flowVersion: z.number().int().min(0),
  name: z.string(),
  /** sha256 of the canonical JSON of everything else (compile.ts programHash). */
  hash: z.string(),
  /** The first step (the start node's target); null for a flow whose start leads nowhere. */
  entry: z.string().nullable(),
  steps: z.record(z.string(), programStepSchema),
  /** Every variable a node sets or the document declares. */
  variables: z.array(z.string()),
});

export type FlowProgram = {
  format: typeof PROGRAM_FORMAT;
  flowId: string;
  flowVersion: number;
  name: string;
  hash: string;
  entry: string | null;
  steps: Record<string, ProgramStep>;
  variables: string[];
};

/** The step an output handle leads to: null when the handle ends the session (or is unknown). */
export function nextStepId(step: ProgramStep, handle: string): string | null {
  return step.next[handle] ?? null;
}

/** Reads a stored program back (FlowVersion.program), defaults applied; throws a ZodError if it is not one. */
export function parseFlowProgram(raw: unknown): FlowProgram {
  return flowProgramSchema.parse(raw);
}
