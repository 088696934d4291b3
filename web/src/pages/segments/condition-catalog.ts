// What the condition builder can offer: every subject (a contact field, a custom field, tags,
// groups, flows, messages, campaigns), its operators with labels, and a fresh leaf for each subject.
import {
  CONTACT_FIELDS,
  CONTACT_FIELD_KEYS,
  OPERATORS_BY_TYPE,
  operandOf,
  type ContactField,
  type Operator,
  type SegmentLeaf,
  type ValueType,
} from '#api/segments/schemas';

export type CatalogField = { key: string; label: string; type: ValueType; options: readonly string[] };
export type Catalog = {
  customFields: CatalogField[];
  groups: Array<{ id: string; label: string }>;
  flows: Array<{ id: string; name: string }>;
  campaigns: Array<{ id: string; name: string }>;
};

export const OPERATOR_LABELS: Record<string, string> = {
  equals: 'is',
  not_equals: 'is not',
  contains: 'contains',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  in_list: 'is any of',
  not_in_list: 'is none of',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
  gt: 'is greater than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  before: 'is before',
  after: 'is after',
  on: 'is on',
  within_last_days: 'is within the last',
  not_within_last_days: 'is not within the last',
  includes_any: 'includes any of',
  includes_all: 'includes all of',
  includes_none: 'includes none of',
  is_true: 'is checked',
  is_false: 'is not checked',
  has_any: 'has any of',
  has_all: 'has all of',
  has_none: 'has none of',
  in: 'is in',
  not_in: 'is not in',
  completed: 'completed',
  not_completed: 'did not complete',
  sent_containing: 'sent a message containing',
  not_sent_containing: 'did not send a message containing',
  received: 'received',
  not_received: 'did not receive',
  read: 'read',
  not_read: 'did not read',
  replied: 'replied to',
  not_replied: 'did not reply to',
};

export const OPT_IN_LABELS: Record<string, string> = {
  opted_in: 'Opted in',
  opted_out: 'Opted out',
  unknown: 'Unknown',
};

/** The subject picker's value for a leaf: field:<name>, custom:<key>, tags, contact_group, flow, message, campaign. */
export function subjectOf(leaf: SegmentLeaf): string {
  if (leaf.kind === 'field') {
    return `field:${leaf.field}`;
  }
  return leaf.kind === 'custom' ? `custom:${leaf.key}` : leaf.kind;
}

export function subjectSections(catalog: Catalog): Array<{ label: string; options: Array<[string, string]> }> {
  const sections = new Map<string, Array<[string, string]>>();
  for (const field of CONTACT_FIELD_KEYS) {
    const definition = CONTACT_FIELDS[field];
    sections.set(definition.section, [
      ...(sections.get(definition.section) ?? []),
      [`field:${field}`, definition.label],
    ]);
  }
  return [
    ...[...sections].map(([label, options]) => ({ label, options })),
    ...(catalog.customFields.length > 0
      ? [
          {
            label: 'Custom fields',
            options: catalog.customFields.map((f): [string, string] => [`custom:${f.key}`, f.label]),
          },
        ]
      : []),
    {
      label: 'Tags, groups and activity',
      options: [
        ['tags', 'Tags'],
        ['contact_group', 'Group'],
        ['flow', 'Flow'],
        ['message', 'Messages from the contact'],
        ['campaign', 'Campaign'],
      ],
    },
  ];
}

/** The field's type and options for a field or custom leaf (null for the others). */
export function fieldOf(leaf: SegmentLeaf, catalog: Catalog): CatalogField | null {
  if (leaf.kind === 'field') {
    const definition: { label: string; type: ValueType; options?: readonly string[] } = CONTACT_FIELDS[leaf.field];
    return { key: leaf.field, label: definition.label, type: definition.type, options: definition.options ?? [] };
  }
  if (leaf.kind === 'custom') {
    return catalog.customFields.find((f) => f.key === leaf.key) ?? null;
  }
  return null;
}

export function operatorsFor(leaf: SegmentLeaf, catalog: Catalog): readonly string[] {
  switch (leaf.kind) {
    case 'tags':
      return ['has_any', 'has_all', 'has_none'];
    case 'contact_group':
      return ['in', 'not_in'];
    case 'flow':
      return ['completed', 'not_completed'];
    case 'message':
      return ['sent_containing', 'not_sent_containing'];
    case 'campaign':
      return ['received', 'not_received', 'read', 'not_read', 'replied', 'not_replied'];
    default:
      return OPERATORS_BY_TYPE[fieldOf(leaf, catalog)?.type ?? 'text'];
  }
}

/** A fresh condition on a subject, with its first operator. */
export function newLeaf(subject: string, catalog: Catalog): SegmentLeaf {
  if (subject.startsWith('field:')) {
    const field = subject.slice(6) as ContactField;
    return withOperator({ kind: 'field', field, op: OPERATORS_BY_TYPE[CONTACT_FIELDS[field].type][0]! }, catalog);
  }
  if (subject.startsWith('custom:')) {
    const key = subject.slice(7);
    const type = catalog.customFields.find((f) => f.key === key)?.type ?? 'text';
    return withOperator({ kind: 'custom', key, op: OPERATORS_BY_TYPE[type][0]! }, catalog);
  }
  switch (subject) {
    case 'tags':
      return { kind: 'tags', op: 'has_any', values: [] };
    case 'contact_group':
      return { kind: 'contact_group', op: 'in', groupIds: [] };
    case 'flow':
      return { kind: 'flow', op: 'completed', flowId: catalog.flows[0]?.id ?? '' };
    case 'campaign':
      return { kind: 'campaign', op: 'read', campaignId: catalog.campaigns[0]?.id ?? '' };
    default:
      return { kind: 'message', op: 'sent_containing', value: '', days: 30 };
  }
}

/** The leaf with another operator, keeping the operand when it still fits. */
export function withOperator(leaf: SegmentLeaf, catalog: Catalog, op?: string): SegmentLeaf {
  if (leaf.kind !== 'field' && leaf.kind !== 'custom') {
    return { ...leaf, op } as SegmentLeaf;
  }
  const next = (op ?? leaf.op) as Operator;
  const field = fieldOf(leaf, catalog);
  const base = leaf.kind === 'field' ? { kind: leaf.kind, field: leaf.field } : { kind: leaf.kind, key: leaf.key };
  const operand = operandOf(next);
  const firstOption = field?.options[0];
  if (operand === 'days') {
    return { ...base, op: next, days: leaf.days ?? 30 } as SegmentLeaf;
  }
  if (operand === 'values') {
    return { ...base, op: next, values: leaf.values ?? [] } as SegmentLeaf;
  }
  if (operand === 'value') {
    const keep = leaf.value !== undefined && operandOf(leaf.op) === 'value';
    const fresh = field?.type === 'number' ? 0 : field?.type === 'dropdown' && firstOption ? firstOption : '';
    return { ...base, op: next, value: keep ? leaf.value : fresh } as SegmentLeaf;
  }
  return { ...base, op: next } as SegmentLeaf;
}
