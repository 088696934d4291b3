// What each output handle of a node is called on its card: a button's title, a variant's label and
// share, or the handle's own name in words. Pure, so cards and tests share it.
import { nodeOutputs, type TypedNodeData } from '#flow-dsl/catalogue';
import type { FlowNode } from '#flow-dsl/document';

export type OutputLabel = { handle: string; label: string };

const FIXED: Record<string, string> = {
  next: 'Next',
  answered: 'Answered',
  invalid: 'Invalid answer',
  timeout: 'No answer',
  true: 'True',
  false: 'False',
  success: 'Success',
  failure: 'Failure',
  found: 'Found',
  not_found: 'Not found',
  open: 'Open',
  closed: 'Closed',
  returned: 'Handed back',
  fallback: 'Anything else',
};

export function outputLabels(node: FlowNode): OutputLabel[] {
  return nodeOutputs(node as TypedNodeData).map((handle) => ({ handle, label: labelOf(node, handle) }));
}

function labelOf(node: FlowNode, handle: string): string {
  const [kind, id] = splitHandle(handle);
  if (node.type === 'buttons' && kind === 'button') {
    return node.data.buttons.find((b) => b.id === id)?.title || 'Untitled button';
  }
  if (node.type === 'list' && kind === 'row') {
    const row = node.data.sections.flatMap((s) => s.rows).find((r) => r.id === id);
    return row?.title || 'Untitled row';
  }
  if (node.type === 'ab_split' && kind === 'variant') {
    const total = node.data.variants.reduce((sum, v) => sum + Math.max(0, v.weight), 0);
    const variant = node.data.variants.find((v) => v.id === id);
    const share = total > 0 && variant ? Math.round((Math.max(0, variant.weight) / total) * 100) : 0;
    return `${variant?.label || 'Variant'} · ${share}%`;
  }
  if (node.type === 'ai_intent' && kind === 'intent') {
    return node.data.intents.find((i) => i.id === id)?.name || 'Untitled intent';
  }
  return FIXED[handle] ?? handle;
}

function splitHandle(handle: string): [string, string] {
  const colon = handle.indexOf(':');
  return colon === -1 ? [handle, ''] : [handle.slice(0, colon), handle.slice(colon + 1)];
}
