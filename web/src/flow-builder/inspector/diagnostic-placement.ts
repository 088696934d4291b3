// Where each diagnostic shows: on the longest claimed path (inspector-paths.ts) equal to or above
// its `field` (`buttons.1.id` → button 2's card), the rest at the top of the inspector.
import { isConditionGroup, type Condition, type ConditionGroup } from '#flow-dsl/conditions';
import type { FlowNode } from '#flow-dsl/document';
import { templateVariables } from '#flow-dsl/template';
import type { Diagnostic } from '#flow-dsl/validate';
import { outputLabels } from '../output-labels.ts';
import { inspectorPaths } from './inspector-paths.ts';

export type PlacedDiagnostics = { byPath: ReadonlyMap<string, Diagnostic[]>; unplaced: Diagnostic[] };

/**
 * Places a node's diagnostics. An output handle (`button:<id>` of a dangling output) goes to its
 * option, and an undefined variable to the first field that reads it; both are reworded for people.
 */
export function placeNodeDiagnostics(node: FlowNode, diagnostics: readonly Diagnostic[]): PlacedDiagnostics {
  return placeDiagnostics(
    diagnostics.map((d) => locate(node, d)),
    inspectorPaths(node),
  );
}

function locate(node: FlowNode, diagnostic: Diagnostic): Diagnostic {
  if (diagnostic.code === 'dangling_output' && diagnostic.field !== undefined) {
    const path = handlePath(node, diagnostic.field);
    if (path !== undefined) {
      return { ...diagnostic, field: path, message: 'Not connected yet: the flow ends here when this is chosen.' };
    }
    const label = outputLabels(node).find((output) => output.handle === diagnostic.field)?.label ?? diagnostic.field;
    return { ...diagnostic, message: `“${label}” is not connected yet: the flow ends there.` };
  }
  if (diagnostic.code === 'undefined_variable' && diagnostic.field === undefined) {
    const name = /\{\{vars\.([A-Za-z_][A-Za-z0-9_]*)\}\}/.exec(diagnostic.message)?.[1];
    const field = name === undefined ? undefined : pathReading(node, name);
    const message = `{{vars.${name}}} is never set: no step saves it and the flow does not declare it.`;
    return field === undefined ? diagnostic : { ...diagnostic, field, message };
  }
  return diagnostic;
}

/** The first data path whose text reads `{{vars.<name>}}`, or a condition on that variable. */
function pathReading(node: FlowNode, name: string): string | undefined {
  const found = stringLeaves(node.data, '').find(([, text]) => templateVariables(text).includes(name));
  if (found) {
    return found[0];
  }
  if (node.type === 'condition') {
    return conditionLeaves(node.data.conditions, 'conditions').find(
      ([condition]) => condition.left.source === 'var' && condition.left.key.split('.')[0] === name,
    )?.[1];
  }
  return undefined;
}

function stringLeaves(value: unknown, path: string): Array<[string, string]> {
  const at = (key: string | number) => (path === '' ? String(key) : `${path}.${key}`);
  if (typeof value === 'string') {
    return [[path, value]];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => stringLeaves(item, at(index)));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, at(key)));
  }
  return [];
}

function conditionLeaves(group: ConditionGroup, path: string): Array<[Condition, string]> {
  return group.conditions.flatMap((entry, index): Array<[Condition, string]> => {
    const at = `${path}.conditions.${index}`;
    return isConditionGroup(entry) ? conditionLeaves(entry, at) : [[entry, at]];
  });
}

function handlePath(node: FlowNode, handle: string): string | undefined {
  const [kind, id] = handle.split(/:(.*)/s);
  const indexOf = (items: ReadonlyArray<{ id: string }>) => items.findIndex((item) => item.id === id);
  if (node.type === 'buttons' && kind === 'button') {
    return `buttons.${indexOf(node.data.buttons)}`;
  }
  if (node.type === 'ab_split' && kind === 'variant') {
    return `variants.${indexOf(node.data.variants)}`;
  }
  if (node.type === 'ai_intent' && kind === 'intent') {
    return `intents.${indexOf(node.data.intents)}`;
  }
  if (node.type === 'list' && kind === 'row') {
    const s = node.data.sections.findIndex((section) => indexOf(section.rows) >= 0);
    return s < 0 ? undefined : `sections.${s}.rows.${indexOf(node.data.sections[s]?.rows ?? [])}`;
  }
  return undefined;
}

export function placeDiagnostics(diagnostics: readonly Diagnostic[], paths: readonly string[]): PlacedDiagnostics {
  const claimed = new Set(paths);
  const byPath = new Map<string, Diagnostic[]>();
  const unplaced: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const at = diagnostic.field === undefined ? undefined : closestClaim(diagnostic.field, claimed);
    if (at === undefined) {
      unplaced.push(diagnostic);
    } else {
      byPath.set(at, [...(byPath.get(at) ?? []), diagnostic]);
    }
  }
  return { byPath, unplaced };
}

function closestClaim(field: string, claimed: ReadonlySet<string>): string | undefined {
  const segments = field.split('.');
  for (let length = segments.length; length > 0; length -= 1) {
    const candidate = segments.slice(0, length).join('.');
    if (claimed.has(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

/**
 * The message in the inspector's words: without the node id the canvas needs (`n3: …`, `n3 needs
 * …`), and without the data path when it is shown next to that field (`buttons.1.title is 29 …`).
 */
export function diagnosticText(diagnostic: Diagnostic, nodeId: string | undefined): string {
  let message = diagnostic.message;
  if (nodeId !== undefined && message.startsWith(`${nodeId}: `)) {
    message = capitalize(message.slice(nodeId.length + 2));
  } else if (nodeId !== undefined && message.startsWith(`${nodeId} `)) {
    message = `This step ${message.slice(nodeId.length + 1)}`;
  }
  const field = diagnostic.field;
  if (field !== undefined && message.toLowerCase().startsWith(`${field.toLowerCase()} is `)) {
    message = `This is ${message.slice(field.length + 4)}`;
  }
  return message;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
