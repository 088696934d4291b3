// The data paths the inspector draws a field or an item for, derived from inspector-fields.ts and
// the node's data: where diagnostics can be shown (diagnostic-placement.ts).
import { isConditionGroup, type ConditionGroup } from '#flow-dsl/conditions';
import type { FlowNode } from '#flow-dsl/document';
import type { FieldSpec } from './field-spec.ts';
import { INSPECTOR_FIELDS } from './inspector-fields.ts';

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
