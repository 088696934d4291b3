// What fires a rule (docs/automations.md): the trigger types, the event each listens to, and
// which ones answer a customer's message (so a free-form reply is inside the 24-hour window).
import { z } from 'zod';
import { businessHoursSchema } from '#flow-dsl/business-hours';

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
