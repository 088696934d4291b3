// Scheduled messages as the API accepts and returns them (docs/inbox-extras.md). Shared with
// web/: imports only zod and api/common/schemas.ts.
//
// Routes (permission):
//   GET    /api/conversations/:conversationId/scheduled-messages?status=   inbox.view
//   POST   /api/conversations/:conversationId/scheduled-messages           inbox.reply
//   GET    /api/scheduled-messages/:scheduledMessageId                     inbox.view
//   PATCH  /api/scheduled-messages/:scheduledMessageId  (new time/content) inbox.reply
//   DELETE /api/scheduled-messages/:scheduledMessageId  (cancel)           inbox.reply
// Live event `scheduledMessage.updated` on every status change (api/realtime/schemas.ts).
//
// When: either `sendAt`, an ISO 8601 instant with its offset, or `localTime` (wall-clock
// `YYYY-MM-DDTHH:mm`) read in `timeZone`, else the contact's time zone, else the workspace's.
// In the future and at most 30 days ahead. Edit and cancel are refused (409) once the message
// is sending, sent, cancelled or failed.
//
// Content: free-form text, or an approved template with its body parameters. Outside the 24-hour
// customer-service window at send time a text fails (status failed, with the reason, and the
// agent who scheduled it is notified); a template still goes.
import { z } from 'zod';
import { dateTimeSchema, idParamSchema, pageSchema } from '../common/schemas.ts';

export const SCHEDULED_MESSAGE_STATUSES = ['scheduled', 'sending', 'sent', 'cancelled', 'failed'] as const;
export type ScheduledMessageStatus = (typeof SCHEDULED_MESSAGE_STATUSES)[number];

export const MAX_SCHEDULE_AHEAD_DAYS = 30;
/** Just "in the future" (tests schedule seconds ahead); the send is within a second of its time. */
export const MIN_SCHEDULE_AHEAD_SECONDS = 1;
export const MAX_SCHEDULED_TEXT_LENGTH = 4096;

/** An IANA time zone name the runtime knows, e.g. Europe/Paris. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'is not a known time zone, e.g. "Europe/Paris"');

/** Wall-clock time without offset: 2026-12-24T09:30 (seconds optional). */
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'must be a local date-time like 2026-12-24T09:30');

export const scheduledContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().trim().min(1, 'is required').max(MAX_SCHEDULED_TEXT_LENGTH) }),
  z.object({
    type: z.literal('template'),
    template: z.object({
      name: z.string().min(1).max(512),
      /** The template's language code, e.g. en_US. */
      language: z.string().min(2).max(15),
      /** Values for the body's {{1}}, {{2}}, … in order. */
      bodyParameters: z.array(z.string().min(1).max(1024)).max(20).default([]),
    }),
  }),
]);
export type ScheduledContent = z.output<typeof scheduledContentSchema>;

const whenShape = {
  sendAt: dateTimeSchema.optional(),
  localTime: localDateTimeSchema.optional(),
  timeZone: timeZoneSchema.optional(),
};

export const createScheduledMessageInputSchema = z
  .object({ content: scheduledContentSchema, ...whenShape })
  .superRefine(oneWhen(true));
export type CreateScheduledMessageInput = z.output<typeof createScheduledMessageInputSchema>;

/** Any of: new content, new time (`sendAt`, or `localTime` with optional `timeZone`). */
export const updateScheduledMessageInputSchema = z
  .object({ content: scheduledContentSchema.optional(), ...whenShape })
  .superRefine(oneWhen(false))
  .refine((patch) => patch.content || patch.sendAt || patch.localTime, 'change the content or the time');
export type UpdateScheduledMessageInput = z.output<typeof updateScheduledMessageInputSchema>;

export const scheduledMessageSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  status: z.enum(SCHEDULED_MESSAGE_STATUSES),
  content: scheduledContentSchema,
  /** The instant it goes out. */
  sendAt: dateTimeSchema,
  /** The zone the time was chosen in (shown to the agent as local time there). */
  timeZone: z.string(),
  /** The sent message, once sent. */
  messageId: z.uuid().nullable(),
  /** Why it failed, in words an agent understands. */
  failureReason: z.string().nullable(),
  createdBy: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
});
export type ScheduledMessageView = z.infer<typeof scheduledMessageSchema>;
export const scheduledMessagePageSchema = pageSchema(scheduledMessageSchema);
export const scheduledMessageParamsSchema = idParamSchema('scheduledMessageId');

export const listScheduledMessagesQuerySchema = z.object({
  /** Default: all; e.g. `scheduled` for what is still to go. */
  status: z.enum(SCHEDULED_MESSAGE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.uuid('is not a cursor returned by this list').optional(),
});
export type ListScheduledMessagesQuery = z.output<typeof listScheduledMessagesQuerySchema>;

function oneWhen(required: boolean) {
  return (
    value: { sendAt?: Date | undefined; localTime?: string | undefined; timeZone?: string | undefined },
    ctx: z.RefinementCtx,
  ) => {
    if (value.sendAt && value.localTime) {
      ctx.addIssue({ code: 'custom', path: ['localTime'], message: 'give either sendAt or localTime, not both' });
    } else if (required && !value.sendAt && !value.localTime) {
      ctx.addIssue({ code: 'custom', path: ['sendAt'], message: 'is required (or localTime with a time zone)' });
    }
    if (value.timeZone && value.sendAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['timeZone'],
        message: 'goes with localTime (sendAt carries its own offset)',
      });
    }
  };
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
