// The graph document the builder saves and the API stores (FlowVersion.document): nodes with
// positions and typed data, edges by named output handle. Older versions go through migrations/.
import { z } from 'zod';
import type { NodeType } from './node-types.ts';
import { NODE_DATA_SCHEMAS } from './nodes/registry.ts';
import { triggerSchema } from './triggers.ts';
import { variableNameSchema } from './variables.ts';

export const LATEST_FLOW_VERSION = 2;

export const positionSchema = z.object({ x: z.number(), y: z.number() });

/** A node of one type: `data` is parsed by that type's schema (defaults applied). */
function nodeOfType<T extends NodeType>(type: T) {
  return z.object({
    id: z.string().min(1),
    type: z.literal(type),
    position: positionSchema.default(() => ({ x: 0, y: 0 })),
    data: NODE_DATA_SCHEMAS[type],
  });
}

export const flowNodeSchema = z.discriminatedUnion('type', [
  nodeOfType('start'),
  nodeOfType('send_text'),
  nodeOfType('send_media'),
  nodeOfType('send_template'),
  nodeOfType('buttons'),
  nodeOfType('list'),
  nodeOfType('ask_question'),
  nodeOfType('condition'),
  nodeOfType('set_variable'),
  nodeOfType('update_contact'),
  nodeOfType('add_tag'),
  nodeOfType('remove_tag'),
  nodeOfType('http_request'),
  nodeOfType('webhook'),
  nodeOfType('google_sheets'),
  nodeOfType('data_table_lookup'),
  nodeOfType('delay'),
  nodeOfType('business_hours'),
  nodeOfType('ab_split'),
  nodeOfType('jump_to_flow'),
  nodeOfType('handoff'),
  nodeOfType('close_conversation'),
  nodeOfType('ai_intent'),
  nodeOfType('ai_reply'),
  nodeOfType('end'),
]);
export type FlowNode = z.output<typeof flowNodeSchema>;
export type FlowNodeOf<T extends NodeType> = Extract<FlowNode, { type: T }>;

export const flowEdgeSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  /** An output of the source node (`nodeOutputs`): `next`, `button:<id>`, `true`, … */
  sourceHandle: z.string().min(1),
  target: z.string().min(1),
});
export type FlowEdge = z.output<typeof flowEdgeSchema>;

/** A variable the flow expects from outside (an API run, the test panel), with its default. */
export const declaredVariableSchema = z.object({
  name: variableNameSchema,
  defaultValue: z.union([z.string(), z.number(), z.boolean()]).optional(),
});
export type DeclaredVariable = z.output<typeof declaredVariableSchema>;

export const STICKY_NOTE_COLORS = ['yellow', 'blue', 'green', 'pink'] as const;

/**
 * A sticky note on the canvas: builder-only annotation. The validator and the compiler ignore
 * notes, so they never change diagnostics, the program or its hash.
 */
export const stickyNoteSchema = z.object({
  id: z.string().min(1),
  position: positionSchema,
  text: z.string().max(2000).default(''),
  color: z.enum(STICKY_NOTE_COLORS).default('yellow'),
  width: z.number().optional(),
  height: z.number().optional(),
});
export type StickyNote = z.output<typeof stickyNoteSchema>;

export const flowDocumentSchema = z.object({
  schemaVersion: z.literal(LATEST_FLOW_VERSION),
  name: z.string().max(200),
  description: z.string().max(2000).optional(),
  trigger: triggerSchema.default(() => ({ type: 'manual' as const })),
  variables: z.array(declaredVariableSchema).default(() => []),
  nodes: z.array(flowNodeSchema),
  edges: z.array(flowEdgeSchema).default(() => []),
  /** Absent in documents saved before notes existed: no schemaVersion bump needed. */
  notes: z.array(stickyNoteSchema).default(() => []),
});
/** A parsed document (defaults applied). */
export type FlowDocument = z.output<typeof flowDocumentSchema>;
/** A document as written: defaulted fields may be left out. */
export type FlowDocumentInput = z.input<typeof flowDocumentSchema>;
