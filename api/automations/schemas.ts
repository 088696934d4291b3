// The automation rules contract (docs/automations.md): a rule's trigger, conditions, ordered
// actions and window, its API shapes and its run log. Imports only zod and flow-dsl so the web
// app's editor validates with the same schemas the API and the dispatcher use.
import { z } from 'zod';
import { businessHoursSchema } from '#flow-dsl/business-hours';
import { automationActionsSchema } from './action-schemas.ts';
import { dateTimeSchema, pageQuerySchema, pageSchema } from '../common/schemas.ts';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const CRON_FIELD = /^[\d*/,\-A-Za-z]+$/;

export const automationTriggerSchema = z.discriminatedUnion('type', [
  /** Any inbound message (optionally only the first of a new conversation). */
  z.object({ type: z.literal('message_received'), onlyNewConversation: z.boolean().default(false) }),
  z.object({
    type: z.literal('keyword'),
    keywords: z.array(z.string().trim().min(1).max(100)).min(1).max(20),
    match: z.enum(['exact', 'contains', 'regex']).default('contains'),
    caseSensitive: z.boolean().default(false),
  }),
  z.object({ type: z.literal('conversation_created') }),
  z.object({ type: z.literal('conversation_resolved') }),
  /** Only when one of `attributes` changed (name, email, optInStatus, fields.<key>); empty: any. */
  z.object({ type: z.literal('contact_updated'), attributes: z.array(z.string().min(1).max(100)).max(20).default([]) }),
  /** Only for this tag; absent: any tag. */
  z.object({ type: z.literal('tag_added'), tag: z.string().trim().min(1).max(50).optional() }),
  /** Cron-like: 5 fields (minute hour day-of-month month day-of-week) in the workspace time zone. */
  z.object({
    type: z.literal('schedule'),
    cron: z
      .string()
      .trim()
      .refine((cron) => cron.split(/\s+/).length === 5 && cron.split(/\s+/).every((f) => CRON_FIELD.test(f)), {
        message: 'is not a 5-field cron expression (minute hour day month weekday)',
      }),
  }),
  /** Relative to a contact date field: `offsetDays` before (negative) or after it, at `at` local time. */
  z.object({
    type: z.literal('date_field'),
    field: z.string().regex(/^[a-z][a-z0-9_]*$/, 'is a custom field key'),
    offsetDays: z.number().int().min(-365).max(365),
    at: z.string().regex(TIME, 'a time is HH:MM'),
  }),
  /** Greeting: the first message of a new conversation (per channel). */
  z.object({ type: z.literal('greeting') }),
  /** Away: a message outside the opening hours; null hours: the workspace's business hours. */
  z.object({
    type: z.literal('away'),
    hours: businessHoursSchema.nullable().default(null),
    cooldownHours: z.number().int().min(1).max(168).default(12),
  }),
]);
export type AutomationTrigger = z.output<typeof automationTriggerSchema>;
export type AutomationTriggerType = AutomationTrigger['type'];

export const TIME_TRIGGER_TYPES = ['schedule', 'date_field'] as const;
/** Triggers whose event is a customer's message: a free-form reply is inside the 24-hour window. */
export const MESSAGE_TRIGGER_TYPES = ['message_received', 'keyword', 'greeting', 'away'] as const;

/** The TenantEvent type a trigger listens to ("time" for scheduled rules). */
export function eventTypeOf(trigger: AutomationTrigger): string {
  switch (trigger.type) {
    case 'message_received':
    case 'keyword':
    case 'greeting':
    case 'away':
      return 'message.received';
    case 'conversation_created':
      return 'conversation.created';
    case 'conversation_resolved':
      return 'conversation.resolved';
    case 'contact_updated':
      return 'contact.updated';
    case 'tag_added':
      return 'contact.tag_added';
    default:
      return 'time';
  }
}

export const automationConditionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('has_tag'), tag: z.string().trim().min(1).max(50) }),
  z.object({ type: z.literal('lacks_tag'), tag: z.string().trim().min(1).max(50) }),
  z.object({
    type: z.literal('attribute'),
    /** name, email, phone, or fields.<key> */
    attribute: z
      .string()
      .regex(/^(name|email|phone|fields\.[a-z][a-z0-9_]*)$/, 'is name, email, phone or fields.<key>'),
    operator: z.enum(['equals', 'not_equals', 'contains', 'is_set', 'is_not_set']),
    value: z.string().max(500).default(''),
  }),
]);
export type AutomationCondition = z.output<typeof automationConditionSchema>;

export const automationConditionsSchema = z.object({
  match: z.enum(['all', 'any']).default('all'),
  items: z.array(automationConditionSchema).max(20).default([]),
});
export type AutomationConditions = z.output<typeof automationConditionsSchema>;

export {
  ACTION_LABELS,
  automationActionSchema,
  automationActionsSchema,
  type AutomationAction,
} from './action-schemas.ts';

/** The days and hours a rule may run, in the workspace time zone; null: always. */
export const automationWindowSchema = businessHoursSchema.nullable();

export const ruleKindSchema = z.enum(['custom', 'greeting', 'away']);

const ruleFieldsSchema = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(500).nullable().default(null),
  kind: ruleKindSchema.default('custom'),
  isEnabled: z.boolean().default(true),
  channelId: z.uuid('is not a valid id').nullable().default(null),
  trigger: automationTriggerSchema,
  conditions: automationConditionsSchema.default({ match: 'all', items: [] }),
  actions: automationActionsSchema,
  window: automationWindowSchema.default(null),
});

/** Field-level rules zod alone cannot say; each issue names its path (trigger.keywords.0, actions.1.type). */
export const automationRuleInputSchema = ruleFieldsSchema.superRefine((rule, ctx) => {
  const { trigger } = rule;
  if (trigger.type === 'keyword' && trigger.match === 'regex') {
    trigger.keywords.forEach((keyword, index) => {
      if (!isValidRegex(keyword)) {
        ctx.addIssue({
          code: 'custom',
          path: ['trigger', 'keywords', index],
          message: 'is not a valid regular expression',
        });
      }
    });
  }
  const answersAMessage = (MESSAGE_TRIGGER_TYPES as readonly string[]).includes(trigger.type);
  rule.actions.forEach((action, index) => {
    if (action.type === 'send_message' && !answersAMessage) {
      ctx.addIssue({
        code: 'custom',
        path: ['actions', index, 'type'],
        message:
          'a free-form message can only answer a customer’s message (24-hour window): use send_template for this trigger',
      });
    }
  });
  const expectedTrigger = { greeting: 'greeting', away: 'away' }[rule.kind as 'greeting' | 'away'];
  if (expectedTrigger && trigger.type !== expectedTrigger) {
    ctx.addIssue({
      code: 'custom',
      path: ['trigger', 'type'],
      message: `a ${rule.kind} rule has the ${expectedTrigger} trigger`,
    });
  }
});
export type AutomationRuleInput = z.output<typeof automationRuleInputSchema>;

export const ruleParamsSchema = z.object({ automationId: z.uuid('is not a valid id') });
export const setEnabledInputSchema = z.object({ isEnabled: z.boolean() });

export const runStatusSchema = z.enum(['running', 'succeeded', 'failed', 'skipped']);

export const automationRunOutcomeSchema = z.array(
  z.object({
    action: z.string(),
    status: z.enum(['succeeded', 'failed', 'not_run']),
    detail: z.string().nullable().default(null),
  }),
);
export type AutomationRunOutcome = z.output<typeof automationRunOutcomeSchema>;

export const automationRuleSchema = ruleFieldsSchema.extend({
  id: z.uuid(),
  eventType: z.string(),
  lastRunAt: dateTimeSchema.nullable(),
  lastRunStatus: runStatusSchema.nullable(),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
});
export type AutomationRule = z.output<typeof automationRuleSchema>;
export const automationRulePageSchema = pageSchema(automationRuleSchema);

export const listRulesQuerySchema = pageQuerySchema.extend({ kind: ruleKindSchema.optional() });

export const listRunsQuerySchema = pageQuerySchema.extend({ status: runStatusSchema.optional() });

export const automationRunSchema = z.object({
  id: z.uuid(),
  ruleId: z.uuid(),
  triggerKey: z.string(),
  status: runStatusSchema,
  contactId: z.uuid().nullable(),
  conversationId: z.uuid().nullable(),
  outcome: automationRunOutcomeSchema,
  error: z.string().nullable(),
  triggeredAt: dateTimeSchema,
  startedAt: dateTimeSchema,
  finishedAt: dateTimeSchema.nullable(),
});
export type AutomationRun = z.output<typeof automationRunSchema>;
export const automationRunPageSchema = pageSchema(automationRunSchema);

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
