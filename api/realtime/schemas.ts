// Events pushed to a tenant's Socket.IO room. Payloads are small: the client refetches what it
// shows. Every event carries a per-tenant sequence number (its second argument, `LiveMeta`), and
// the recent ones are kept, so a client back from a dropped connection asks for what it missed
// (`resume`) instead of reloading.
import { z } from 'zod';
import { campaignProgressEventSchema } from '../campaigns/schemas.ts';
import { inboxEventSchemas } from '../inbox/schemas.ts';

export const realtimeEventSchemas = {
  'message.created': z.object({
    messageId: z.uuid(),
    conversationId: z.uuid(),
    channelId: z.uuid(),
    direction: z.enum(['inbound', 'outbound']),
    /** Inbound: the conversation's agent when it arrived, and whether it began the conversation (alerts). */
    assigneeUserId: z.uuid().nullable().optional(),
    conversationIsNew: z.boolean().optional(),
  }),
  'message.updated': z.object({
    messageId: z.uuid(),
    conversationId: z.uuid(),
    channelId: z.uuid(),
    status: z.string(),
  }),
  /** `changes` says what an inbox action changed (absent: anything, e.g. a new message). */
  'conversation.updated': inboxEventSchemas['conversation.updated'],
  'note.created': inboxEventSchemas['note.created'],
  'channel.updated': z.object({ channelId: z.uuid(), status: z.string() }),
  'media.updated': z.object({ mediaId: z.uuid(), status: z.string() }),
  'notification.created': z.object({ notificationId: z.uuid(), userId: z.uuid() }),
  /** A scheduled message was created, edited, or changed status (api/scheduled-messages). */
  'scheduledMessage.updated': z.object({
    scheduledMessageId: z.uuid(),
    conversationId: z.uuid(),
    status: z.enum(['scheduled', 'sending', 'sent', 'cancelled', 'failed']),
  }),
  /** A message template changed status, quality or category (api/templates). */
  'template.updated': z.object({ templateId: z.uuid(), status: z.string() }),
  /** A member's availability changed (api/routing): online, away, busy or offline. */
  'agent.status_changed': z.object({ userId: z.uuid(), status: z.enum(['online', 'away', 'busy', 'offline']) }),
  /** A campaign run's status or counters changed (workflows/campaign, activities/campaigns). */
  'campaign.progress': campaignProgressEventSchema,
};

export type RealtimeEventName = keyof typeof realtimeEventSchemas;
export type RealtimeEvent<N extends RealtimeEventName> = z.infer<(typeof realtimeEventSchemas)[N]>;

export function tenantRoom(tenantId: string): string {
  return `tenant:${tenantId}`;
}

/**
 * Where an event sits in its tenant's stream. `epoch` names the stream: it changes when the
 * numbering restarts (an API restart without Redis, a Redis flushed), so old numbers mean nothing.
 */
export const liveMetaSchema = z.object({ epoch: z.string().min(1).max(100), seq: z.number().int().min(1) });
export type LiveMeta = z.infer<typeof liveMetaSchema>;

/** One event as kept for replay. */
export const loggedEventSchema = z.object({
  seq: z.number().int().min(1),
  event: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type LoggedEvent = z.infer<typeof loggedEventSchema>;

/** `resume`: the last event the client saw, or null on its first connection. */
export const RESUME_EVENT = 'resume';
export const resumeInputSchema = z.object({
  epoch: z.string().min(1).max(100).nullable(),
  seq: z.number().int().min(0).nullable(),
});
export type ResumeInput = z.infer<typeof resumeInputSchema>;

/**
 * `replay`: every event after the client's, in order (`seq` is the latest now). `reset`: they are
 * no longer all kept (too old, another epoch, or no position given): refetch, then count from `seq`.
 */
export const resumeAnswerSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('replay'),
    epoch: z.string(),
    seq: z.number().int(),
    events: z.array(loggedEventSchema),
  }),
  z.object({
    status: z.literal('reset'),
    epoch: z.string(),
    seq: z.number().int(),
    reason: z.enum(['first-connection', 'other-epoch', 'expired']),
  }),
  z.object({ status: z.literal('error'), message: z.string() }),
]);
export type ResumeAnswer = z.infer<typeof resumeAnswerSchema>;
