// The side effects of a scheduledMessage workflow: saving edits and status changes to its row
// (each pushed live), queueing the message on the inbox's send path, and telling the agent who
// scheduled it when it failed.
import { ApplicationFailure } from '@temporalio/activity';
import { windowClosesAt } from '#api/messages/customer-window';
import { queueOutboundMessage } from '#api/messages/queue-outbound-message';
import { AppError } from '#api/errors';
import type { ScheduledContent, ScheduledMessageStatus } from '#api/scheduled-messages/schemas';
import { toOutboundContent } from '#api/scheduled-messages/outbound-content';
import { createTenantDb } from '#db/tenant-db';
import type { ScheduledMessageEdit } from '#workflows/scheduled-message/messages';
import type { ActivityDeps } from '../deps.ts';
import { notifyScheduledFailure } from './notify-failure.ts';

type Ids = { tenantId: string; scheduledMessageId: string };

export type QueueScheduledResult = { status: 'queued'; messageId: string } | { status: 'failed'; reason: string };

export const WINDOW_CLOSED_REASON =
  'The 24-hour customer-service window was closed at send time (the customer had not written in the last 24 hours): only an approved template can be sent then.';

/** The idempotency key of the one message a scheduled message may become. */
export function scheduledIdempotencyKey(scheduledMessageId: string): string {
  return `scheduled:${scheduledMessageId}`;
}

export function createScheduledMessageActivities(deps: ActivityDeps) {
  const publish = (tenantId: string, row: { id: string; conversationId: string; status: string }) =>
    deps.realtime.publish(tenantId, 'scheduledMessage.updated', {
      scheduledMessageId: row.id,
      conversationId: row.conversationId,
      status: row.status as ScheduledMessageStatus,
    });
  const select = { id: true, conversationId: true, status: true } as const;

  return {
    async saveScheduledEdit(input: Ids & ScheduledMessageEdit): Promise<void> {
      const db = createTenantDb(deps.prisma, input.tenantId);
      const row = await db.scheduledMessage.update({
        where: { id: input.scheduledMessageId },
        data: {
          ...(input.sendAt ? { sendAt: new Date(input.sendAt) } : {}),
          ...(input.timeZone ? { timeZone: input.timeZone } : {}),
          ...(input.content ? { content: input.content } : {}),
        },
        select,
      });
      publish(input.tenantId, row);
    },

    async setScheduledMessageStatus(input: Ids & { status: ScheduledMessageStatus }): Promise<void> {
      const db = createTenantDb(deps.prisma, input.tenantId);
      const row = await db.scheduledMessage.update({
        where: { id: input.scheduledMessageId },
        data: { status: input.status },
        select,
      });
      publish(input.tenantId, row);
    },

    /** Marks it sending and queues its message once (a retry finds the same message by its key). */
    async queueScheduledMessage(input: Ids & { content: ScheduledContent }): Promise<QueueScheduledResult> {
      const db = createTenantDb(deps.prisma, input.tenantId);
      const row = await db.scheduledMessage.update({
        where: { id: input.scheduledMessageId },
        data: { status: 'sending' },
        select: { ...select, conversation: { select: { channelId: true, contactId: true, lastInboundAt: true } } },
      });
      publish(input.tenantId, row);
      const { channelId, contactId, lastInboundAt } = row.conversation;
      if (input.content.type === 'text' && !windowClosesAt(lastInboundAt)) {
        return { status: 'failed', reason: WINDOW_CLOSED_REASON };
      }
      try {
        const queued = await queueOutboundMessage(db, {
          channelId,
          contactId,
          content: toOutboundContent(input.content),
          idempotencyKey: scheduledIdempotencyKey(input.scheduledMessageId),
        });
        if (queued.created) {
          deps.realtime.publish(input.tenantId, 'message.created', {
            messageId: queued.messageId,
            conversationId: queued.conversationId,
            channelId,
            direction: 'outbound',
          });
        }
        await db.scheduledMessage.update({
          where: { id: input.scheduledMessageId },
          data: { messageId: queued.messageId },
        });
        return { status: 'queued', messageId: queued.messageId };
      } catch (error) {
        if (error instanceof AppError) {
          // Refusals of the send path (window closed, channel disconnected): final, in its words.
          return { status: 'failed', reason: error.details?.fields?.[0]?.message ?? error.message };
        }
        throw error;
      }
    },

    /** Records the outcome; a failure tells the agent who scheduled it, in the app. */
    async finishScheduledMessage(
      input: Ids & { status: 'sent' | 'failed'; messageId: string | null; reason: string | null },
    ): Promise<void> {
      const db = createTenantDb(deps.prisma, input.tenantId);
      const reason = input.status === 'failed' ? (input.reason ?? (await messageFailure(deps, input))) : null;
      const row = await db.scheduledMessage.update({
        where: { id: input.scheduledMessageId },
        data: {
          status: input.status,
          failureReason: reason,
          ...(input.messageId ? { messageId: input.messageId } : {}),
        },
        select: { ...select, createdByUserId: true },
      });
      publish(input.tenantId, row);
      if (input.status === 'failed') {
        await notifyScheduledFailure(deps, db, row, reason ?? 'It could not be sent.');
      }
    },
  };
}

async function messageFailure(deps: ActivityDeps, input: Ids & { messageId: string | null }): Promise<string> {
  if (!input.messageId) {
    throw ApplicationFailure.nonRetryable('A failed scheduled message without a reason or a message');
  }
  const message = await createTenantDb(deps.prisma, input.tenantId).message.findUnique({
    where: { id: input.messageId },
    select: { errorTitle: true, errorDetails: true },
  });
  return [message?.errorTitle, message?.errorDetails].filter(Boolean).join(': ') || 'WhatsApp did not accept it.';
}
