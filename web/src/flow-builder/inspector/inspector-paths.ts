// Where each diagnostic shows. The inspector claims the data paths it draws a field or an item for
// (derived from inspector-fields.ts and the node's data); a diagnostic goes to the longest claimed
// path equal to or above its `field` (`buttons.1.id` → button 2's row), the rest to the top.
import { isConditionGroup, type ConditionGroup } from '#flow-dsl/conditions';
import type { FlowNode } from '#flow-dsl/document';
import type { Diagnostic } from '#flow-dsl/validate';
import type { FieldSpec } from './field-spec.ts';
import { INSPECTOR_FIELDS } from './inspector-fields.ts';

export type PlacedDiagnostics = { byPath: ReadonlyMap<string, Diagnostic[]>; unplaced: Diagnostic[] };

export function inspectorPaths(node: FlowNode): string[] {
  const specs: Record<string, FieldSpec> = INSPECTOR_FIELDS[node.type];
  const data = node.data as Record<string, unknown>;
  return Object.entries(specs).flatMap(([key, spec]) => [key, ...nestedPaths(key, spec, data[key])]);
}

function nestedPaths(key: string, spec: FieldSpec, value: unknown): string[] {
  const items = Array.isArray(value) ? value : [];
  switch (spec.kind) {
    case 'items': {
      const shown = Object.entries(spec.item).filter(([, kind]) => kind !== 'generated');
      return items.flatMap((_, i) => [`${key}.${i}`, ...shown.map(([sub]) => `${key}.${i}.${sub}`)]);
    }
    case 'strings':
    case 'tags':
      return items.map((_, i) => `${key}.${i}`);
    case 'custom':
      return customPaths(key, value);
    default:
      return [];
  }
}

function customPaths(key: string, value: unknown): string[] {
  switch (key) {
    case 'sections':
      return (value as Array<{ rows: unknown[] }>).flatMap((section, i) => [
        `sections.${i}`,
        `sections.${i}.title`,
        ...section.rows.flatMap((_, j) => [
          `sections.${i}.rows.${j}`,
          `sections.${i}.rows.${j}.title`,
          `sections.${i}.rows.${j}.description`,
        ]),
      ]);
    case 'conditions':
      return groupPaths(value as ConditionGroup, 'conditions');
    case 'validation':
      return ['min', 'max', 'minLength', 'maxLength', 'pattern'].map((rule) => `validation.${rule}`);
    case 'target':
      return ['target.teamId', 'target.userId'];
    default:
      return [];
  }
}

function groupPaths(group: ConditionGroup, path: string): string[] {
  return group.conditions.flatMap((entry, index) => {
    const at = `${path}.conditions.${index}`;
    return isConditionGroup(entry) ? [at, ...groupPaths(entry, at)] : [at];
  });
}

/** Places a node's diagnostics; an output handle (`button:<id>`, a dangling output) goes to its option. */
export function placeNodeDiagnostics(node: FlowNode, diagnostics: readonly Diagnostic[]): PlacedDiagnostics {
  const located = diagnostics.map((d) => {
    const path = d.field === undefined ? undefined : handlePath(node, d.field);
    return path === undefined ? d : { ...d, field: path };
  });
  return placeDiagnostics(located, inspectorPaths(node));
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

/** The message without the node id the canvas needs and the inspector does not (`n3: …`, `n3 needs …`). */
export function diagnosticText(diagnostic: Diagnostic, nodeId: string | undefined): string {
  const message = diagnostic.message;
  if (nodeId === undefined) {
    return message;
  }
  if (message.startsWith(`${nodeId}: `)) {
    return capitalize(message.slice(nodeId.length + 2));
  }
  return message.startsWith(`${nodeId} `) ? `This step ${message.slice(nodeId.length + 1)}` : message;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
