// The node types and their data types, derived from the registry (catalogue.ts re-exports them).
import type { z } from 'zod';
import { NODE_DATA_SCHEMAS } from './nodes/registry.ts';

export type NodeType = keyof typeof NODE_DATA_SCHEMAS;

/** In palette order: how the builder lists them. */
export const NODE_TYPES = [
  'start',
  'send_text',
  'send_media',
  'send_template',
  'buttons',
  'list',
  'ask_question',
  'condition',
  'set_variable',
  'update_contact',
  'add_tag',
  'remove_tag',
  'http_request',
  'webhook',
  'google_sheets',
  'data_table_lookup',
  'delay',
  'business_hours',
  'ab_split',
  'jump_to_flow',
  'handoff',
  'close_conversation',
  'ai_intent',
  'ai_reply',
  'end',
] as const satisfies readonly NodeType[];

/** The parsed (defaults applied) data of a node type; NodeData with no argument is the union. */
export type NodeData<T extends NodeType = NodeType> = z.output<(typeof NODE_DATA_SCHEMAS)[T]>;

/** A `{ type, data }` pair where data matches type: nodes and program steps both are one. */
export type TypedNodeData<T extends NodeType = NodeType> = { [K in T]: { type: K; data: NodeData<K> } }[T];

export function isNodeType(value: unknown): value is NodeType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(NODE_DATA_SCHEMAS, value);
}
