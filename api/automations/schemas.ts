// The automation rules contract (docs/automations.md): a rule's trigger, conditions, ordered
// actions and window, its API shapes and its run log. Imports only zod and flow-dsl so the web
// app's editor validates with the same schemas the API and the dispatcher use.
import { z } from 'zod';
import { businessHoursSchema } from '#flow-dsl/business-hours';
import { regexProblem } from '#flow-dsl/text';
import { automationActionsSchema } from './action-schemas.ts';
import { automationTriggerSchema, MESSAGE_TRIGGER_TYPES } from './trigger-schemas.ts';
import { dateTimeSchema, pageQuerySchema, pageSchema } from '../common/schemas.ts';

export {
  automationTriggerSchema,
  eventTypeOf,
  MESSAGE_TRIGGER_TYPES,
  TIME_TRIGGER_TYPES,
  type AutomationTrigger,
  type AutomationTriggerType,
} from './trigger-schemas.ts';

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
      const problem = regexProblem(keyword, keywordRegexFlags(trigger.caseSensitive));
      if (problem) {
        ctx.addIssue({ code: 'custom', path: ['trigger', 'keywords', index], message: problem });
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

/** The flags a regex keyword runs with (match-rule.ts): Unicode, and case-insensitive unless asked. */
export function keywordRegexFlags(caseSensitive: boolean): string {
  return caseSensitive ? 'u' : 'iu';
}
