// Sends one message of a flow. The idempotency key `flow:<sessionId>:<seq>` makes the queued
// Message row the sent-ledger: a retried activity finds the same row, and deliverMessage claims
// it before calling WhatsApp, so a customer never gets a flow message twice.
import { ApplicationFailure } from '@temporalio/activity';
import { AppError } from '#api/errors';
import { queueOutboundMessage } from '#api/messages/queue-outbound-message';
import type { OutboundContent } from '#api/whatsapp/schemas';
import { createTenantDb } from '#db/tenant-db';
import type { ActivityDeps } from '../deps.ts';
import { createDeliverMessageActivity } from '../messaging/deliver-message.ts';

export type SendFlowMessageInput = {
  tenantId: string;
  channelId: string;
  contactId: string;
  sessionId: string;
  seq: number;
  content: OutboundContent;
};

export type SendFlowMessageResult = { messageId: string; providerMessageId: string | null };

export function createSendFlowMessageActivity(deps: ActivityDeps) {
  const deliverMessage = createDeliverMessageActivity(deps);
  return async function sendFlowMessage(input: SendFlowMessageInput): Promise<SendFlowMessageResult> {
    const db = createTenantDb(deps.prisma, input.tenantId);
    const queued = await queue(db, input);
    const result = await deliverMessage({ tenantId: input.tenantId, messageId: queued.messageId });
    if (result.status === 'failed') {
      // deliverMessage marked the row failed (closed window, bad number, revoked token): final.
      const row = await db.message.findUnique({ where: { id: queued.messageId }, select: { errorTitle: true } });
      throw ApplicationFailure.nonRetryable(row?.errorTitle ?? 'The message could not be sent', 'SendFailed');
    }
    return { messageId: queued.messageId, providerMessageId: result.providerMessageId };
  };
}

async function queue(db: ReturnType<typeof createTenantDb>, input: SendFlowMessageInput) {
  try {
    return await queueOutboundMessage(db, {
      channelId: input.channelId,
      contactId: input.contactId,
      content: input.content,
      idempotencyKey: `flow:${input.sessionId}:${input.seq}`,
    });
  } catch (error) {
    // A closed 24-hour window, a disconnected channel, a deleted contact: retrying cannot help.
    if (error instanceof AppError) {
      throw ApplicationFailure.nonRetryable(error.message, 'SendRejected');
    }
    throw error;
  }
}
