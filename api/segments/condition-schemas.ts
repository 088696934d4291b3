// A segment's condition tree: nested AND/OR groups (each may be negated) over leaf conditions on
// the contact's own fields, custom fields, tags, groups, flows and messages. Shared with web/ (it
// imports only zod): the builder offers exactly the operators listed here. Custom fields are
// checked against the workspace's definitions on the server (compile-segment.ts).
import { z } from 'zod';

export const MAX_SEGMENT_DEPTH = 5;
export const MAX_SEGMENT_CONDITIONS = 100;
export const MAX_LIST_VALUES = 100;
export const MAX_DAYS = 3650;

/** How a value is compared; every field has one of these types. */
export const VALUE_TYPES = ['text', 'number', 'date', 'dropdown', 'multi_select', 'checkbox'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export const OPERATORS = [
  'equals',
  'not_equals',
  'contains',
  'not_contains',
  'starts_with',
  'in_list',
  'not_in_list',
  'is_empty',
  'is_not_empty',
  'gt',
  'gte',
  'lt',
  'lte',
  'before',
  'after',
  'on',
  'within_last_days',
  'not_within_last_days',
  'includes_any',
  'includes_all',
  'includes_none',
  'is_true',
  'is_false',
] as const;
export type Operator = (typeof OPERATORS)[number];

export const OPERATORS_BY_TYPE: Record<ValueType, readonly Operator[]> = {
  text: ['equals', 'not_equals', 'contains', 'not_contains', 'starts_with', 'in_list', 'is_empty', 'is_not_empty'],
  number: ['equals', 'not_equals', 'gt', 'gte', 'lt', 'lte', 'is_empty', 'is_not_empty'],
  date: ['on', 'before', 'after', 'within_last_days', 'not_within_last_days', 'is_empty', 'is_not_empty'],
  dropdown: ['equals', 'not_equals', 'in_list', 'not_in_list', 'is_empty', 'is_not_empty'],
  multi_select: ['includes_any', 'includes_all', 'includes_none', 'is_empty', 'is_not_empty'],
  checkbox: ['is_true', 'is_false'],
};

/** What an operator needs besides the field: one value, a list, a number of days, or nothing. */
export type OperandKind = 'value' | 'values' | 'days' | 'none';

export function operandOf(op: Operator): OperandKind {
  if (['in_list', 'not_in_list', 'includes_any', 'includes_all', 'includes_none'].includes(op)) {
    return 'values';
  }
  if (op === 'within_last_days' || op === 'not_within_last_days') {
    return 'days';
  }
  if (['is_empty', 'is_not_empty', 'is_true', 'is_false'].includes(op)) {
    return 'none';
  }
  return 'value';
}

export const OPT_IN_STATUSES = ['opted_in', 'opted_out', 'unknown'] as const;

/** The contact's own columns a condition can test, with their types (engagement counters included). */
export const CONTACT_FIELDS = {
  name: { label: 'Name', type: 'text', section: 'Contact' },
  profileName: { label: 'WhatsApp profile name', type: 'text', section: 'Contact' },
  phone: { label: 'Phone', type: 'text', section: 'Contact' },
  email: { label: 'E-mail', type: 'text', section: 'Contact' },
  language: { label: 'Language', type: 'text', section: 'Contact' },
  timeZone: { label: 'Time zone', type: 'text', section: 'Contact' },
  createdAt: { label: 'Created', type: 'date', section: 'Contact' },
  lastSeenAt: { label: 'Last seen', type: 'date', section: 'Contact' },
  optInStatus: { label: 'Opt-in status', type: 'dropdown', section: 'Opt-in', options: OPT_IN_STATUSES },
  optInSource: { label: 'Opt-in source', type: 'text', section: 'Opt-in' },
  optInAt: { label: 'Opt-in changed', type: 'date', section: 'Opt-in' },
  lastInboundAt: { label: 'Last message from the contact', type: 'date', section: 'Engagement' },
  lastOutboundAt: { label: 'Last message to the contact', type: 'date', section: 'Engagement' },
  messagesReceivedCount: { label: 'Messages received from the contact', type: 'number', section: 'Engagement' },
  messagesSentCount: { label: 'Messages sent to the contact', type: 'number', section: 'Engagement' },
  campaignsReceivedCount: { label: 'Campaigns received', type: 'number', section: 'Engagement' },
  flowsCompletedCount: { label: 'Flows completed', type: 'number', section: 'Engagement' },
} as const satisfies Record<string, { label: string; type: ValueType; section: string; options?: readonly string[] }>;
export type ContactField = keyof typeof CONTACT_FIELDS;
export type FieldDefinition = { label: string; type: ValueType; section: string; options?: readonly string[] };

export function contactField(field: ContactField): FieldDefinition {
  return CONTACT_FIELDS[field];
}
export const CONTACT_FIELD_KEYS = Object.keys(CONTACT_FIELDS) as [ContactField, ...ContactField[]];

const listValue = z.string().trim().min(1, 'cannot be empty').max(1000);
const operands = {
  value: z.union([z.string().max(1000), z.number().finite()]).optional(),
  values: z.array(listValue).min(1, 'needs at least one value').max(MAX_LIST_VALUES).optional(),
  days: z.number().int().min(1).max(MAX_DAYS).optional(),
};

export const fieldConditionSchema = z.object({
  kind: z.literal('field'),
  field: z.enum(CONTACT_FIELD_KEYS),
  op: z.enum(OPERATORS),
  ...operands,
});
export const customConditionSchema = z.object({
  kind: z.literal('custom'),
  key: z.string().min(1).max(40),
  op: z.enum(OPERATORS),
  ...operands,
});
export const tagsConditionSchema = z.object({
  kind: z.literal('tags'),
  op: z.enum(['has_any', 'has_all', 'has_none']),
  values: z.array(listValue).min(1, 'needs at least one tag').max(MAX_LIST_VALUES),
});
/** Membership of any of the groups or of one of their subgroups, at any depth. */
export const groupConditionSchema = z.object({
  kind: z.literal('contact_group'),
  op: z.enum(['in', 'not_in']),
  groupIds: z.array(z.uuid('is not a group id')).min(1, 'needs at least one group').max(MAX_LIST_VALUES),
});
/** A completed (not test) run of the flow, optionally within the last N days. */
export const flowConditionSchema = z.object({
  kind: z.literal('flow'),
  op: z.enum(['completed', 'not_completed']),
  flowId: z.uuid('is not a flow id'),
  days: operands.days,
});
/** The contact sent (did or did not send) a message whose text contains `value` in the last N days. */
export const messageConditionSchema = z.object({
  kind: z.literal('message'),
  op: z.enum(['sent_containing', 'not_sent_containing']),
  value: z.string().trim().min(1, 'give the text to look for').max(200),
  days: z.number().int().min(1).max(MAX_DAYS),
});

/** What the contact did with a campaign's message (any of its runs): got it, read it, replied to it. */
export const campaignConditionSchema = z.object({
  kind: z.literal('campaign'),
  op: z.enum(['received', 'not_received', 'read', 'not_read', 'replied', 'not_replied']),
  campaignId: z.uuid('is not a campaign id'),
});

export type FieldCondition = z.infer<typeof fieldConditionSchema>;
export type CustomCondition = z.infer<typeof customConditionSchema>;
export type TagsCondition = z.infer<typeof tagsConditionSchema>;
export type GroupCondition = z.infer<typeof groupConditionSchema>;
export type FlowCondition = z.infer<typeof flowConditionSchema>;
export type MessageCondition = z.infer<typeof messageConditionSchema>;
export type CampaignCondition = z.infer<typeof campaignConditionSchema>;
export type SegmentLeaf =
  | FieldCondition
  | CustomCondition
  | TagsCondition
  | GroupCondition
  | FlowCondition
  | MessageCondition
  | CampaignCondition;
export type SegmentGroup = { kind: 'group'; op: 'and' | 'or'; negate?: boolean | undefined; children: SegmentNode[] };
export type SegmentNode = SegmentGroup | SegmentLeaf;

const groupObjectSchema = z.object({
  kind: z.literal('group'),
  op: z.enum(['and', 'or']),
  negate: z.boolean().optional(),
  get children(): z.ZodArray<z.ZodType<SegmentNode>> {
    return z.array(segmentNodeSchema).max(MAX_SEGMENT_CONDITIONS);
  },
});

export const segmentNodeSchema: z.ZodType<SegmentNode> = z
  .discriminatedUnion('kind', [
    groupObjectSchema,
    fieldConditionSchema,
    customConditionSchema,
    tagsConditionSchema,
    groupConditionSchema,
    flowConditionSchema,
    messageConditionSchema,
    campaignConditionSchema,
  ])
  .superRefine((node, ctx) => {
    if (node.kind === 'field') {
      const field = contactField(node.field);
      for (const issue of operandIssues(field.type, node, field.options)) {
        ctx.addIssue({ code: 'custom', ...issue });
      }
    }
  });

/** The root of a tree: a group, no deeper than MAX_SEGMENT_DEPTH, with at most MAX_SEGMENT_CONDITIONS leaves. */
export const segmentConditionSchema: z.ZodType<SegmentGroup> = groupObjectSchema.superRefine((root, ctx) => {
  let leaves = 0;
  const walk = (node: SegmentNode, path: PropertyKey[], depth: number) => {
    if (node.kind !== 'group') {
      leaves += 1;
      return;
    }
    if (depth > MAX_SEGMENT_DEPTH) {
      ctx.addIssue({ code: 'custom', path, message: `groups nest at most ${MAX_SEGMENT_DEPTH} levels deep` });
      return;
    }
    node.children.forEach((child, index) => walk(child, [...path, 'children', index], depth + 1));
  };
  walk(root, [], 1);
  if (leaves > MAX_SEGMENT_CONDITIONS) {
    ctx.addIssue({ code: 'custom', path: [], message: `a segment has at most ${MAX_SEGMENT_CONDITIONS} conditions` });
  }
});

type Operands = {
  op: Operator;
  value?: string | number | undefined;
  values?: string[] | undefined;
  days?: number | undefined;
};
export type OperandIssue = { path: string[]; message: string };

/** What is wrong with an operator and its operands for a field of this type (empty: nothing). */
export function operandIssues(type: ValueType, leaf: Operands, options?: readonly string[]): OperandIssue[] {
  if (!OPERATORS_BY_TYPE[type].includes(leaf.op)) {
    return [{ path: ['op'], message: `${leaf.op} does not apply to a ${type} field` }];
  }
  const operand = operandOf(leaf.op);
  if (operand === 'days') {
    return leaf.days === undefined ? [{ path: ['days'], message: 'give a number of days' }] : [];
  }
  if (operand === 'values') {
    if (!leaf.values) {
      return [{ path: ['values'], message: 'give at least one value' }];
    }
    const unknown = options
      ? leaf.values.findIndex((v) => !options.some((o) => o.toLowerCase() === v.toLowerCase()))
      : -1;
    return unknown >= 0 ? [{ path: ['values', String(unknown)], message: `is not one of ${options!.join(', ')}` }] : [];
  }
  if (operand === 'none') {
    return [];
  }
  return valueIssues(type, leaf.value, options);
}

function valueIssues(type: ValueType, value: string | number | undefined, options?: readonly string[]): OperandIssue[] {
  const at = (message: string) => [{ path: ['value'], message }];
  if (value === undefined || value === '') {
    return at('give a value');
  }
  if (type === 'number') {
    return typeof value === 'number' ? [] : at('must be a number');
  }
  if (typeof value !== 'string') {
    return at('must be text');
  }
  if (type === 'date') {
    return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
      ? []
      : at('must be a date, YYYY-MM-DD');
  }
  if (type === 'dropdown' && options && !options.some((o) => o.toLowerCase() === value.toLowerCase())) {
    return at(`is not one of ${options.join(', ')}`);
  }
  return [];
}
