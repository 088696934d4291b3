// The output handles of a node, the names edges leave by (docs/flow-engine.md, node catalogue).
import type { NodeType, TypedNodeData } from './node-types.ts';

const FIXED_OUTPUTS: Partial<Record<NodeType, readonly string[]>> = {
  start: ['next'],
  send_text: ['next'],
  send_media: ['next'],
  send_template: ['next'],
  ask_question: ['answered', 'invalid', 'timeout'],
  condition: ['true', 'false'],
  set_variable: ['next'],
  update_contact: ['next'],
  add_tag: ['next'],
  remove_tag: ['next'],
  http_request: ['success', 'failure'],
  webhook: ['success', 'failure'],
  data_table_lookup: ['found', 'not_found'],
  delay: ['next'],
  business_hours: ['open', 'closed'],
  handoff: ['returned', 'timeout'],
  ai_reply: ['next'],
};

/** Output handle names in display order; ids that repeat inside a node appear once. */
export function nodeOutputs(node: TypedNodeData): string[] {
  return [...new Set(outputsOf(node))];
}

function outputsOf(node: TypedNodeData): string[] {
  switch (node.type) {
    case 'buttons':
      return [...node.data.buttons.map((button) => `button:${button.id}`), 'invalid', 'timeout'];
    case 'list':
      return [
        ...node.data.sections.flatMap((section) => section.rows.map((row) => `row:${row.id}`)),
        'invalid',
        'timeout',
      ];
    case 'ab_split':
      return node.data.variants.map((variant) => `variant:${variant.id}`);
    case 'ai_intent':
      return [...node.data.intents.map((intent) => `intent:${intent.id}`), 'fallback'];
    case 'google_sheets':
      return node.data.action === 'lookup' ? ['found', 'not_found', 'failure'] : ['success', 'failure'];
    default:
      return [...(FIXED_OUTPUTS[node.type] ?? [])];
  }
}
