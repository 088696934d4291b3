// Sends a failed outbound message again through the same path as the first time (a new
// sendMessageWorkflow run over the same message row, which stays the sent-ledger). Only a failed
// message can be retried: the failed → queued step is one conditional update, so two clicks (or
// two agents) queue it once and the second gets a 409.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { sendMessageWorkflowId } from '#workflows/send-message/workflow';
import { needsOpenWindow, windowClosesAt } from './customer-window.ts';
import { getMessage } from './list-messages.ts';
import type { MessageView } from './schemas.ts';

export async function retryMessage(messageId: string, ctx: TenantContext): Promise<MessageView> {
  const message = await ctx.db.message.findUnique({
    where: { id: messageId },
    select: {
      status: true,
      direction: true,
      type: true,
      conversationId: true,
      channelId: true,
      conversation: { select: { lastInboundAt: true } },
    },
  });
  if (!message) {
    throw AppError.notFound('Message');
  }
  if (message.direction !== 'outbound' || message.status !== 'failed') {
    throw new AppError('CONFLICT', `Only a failed outbound message can be retried (this one is ${message.status})`);
  }
  if (needsOpenWindow(message.type) && !windowClosesAt(message.conversation.lastInboundAt)) {
    throw AppError.field(
      'messageId',
      'cannot be sent again: the 24-hour customer-service window is closed. Send an approved template instead.',
      'CONFLICT',
    );
  }
  // Meta's id of a message it reported failed is dropped: the resend gets its own.
  const requeued = await ctx.db.message.updateMany({
    where: { id: messageId, status: 'failed' },
    data: {
      status: 'queued',
      providerMessageId: null,
      failedAt: null,
      errorCode: null,
      errorTitle: null,
      errorDetails: null,
    },
  });
  if (requeued.count === 0) {
    throw new AppError('CONFLICT', 'The message is already being sent again');
  }
  try {
    await ctx.services.temporal.workflow.start('sendMessageWorkflow', {
      taskQueue: ctx.services.env.TEMPORAL_TASK_QUEUE,
      workflowId: sendMessageWorkflowId(messageId),
      // The first run is closed (it marked the message failed): the id is free for this one.
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      args: [{ tenantId: ctx.db.tenantId, messageId }],
    });
  } catch (error) {
    // Not left queued with nobody to send it: failed again, so it can be retried later.
    await ctx.db.message.updateMany({
      where: { id: messageId, status: 'queued' },
      data: { status: 'failed', failedAt: new Date(), errorTitle: 'Could not be queued again' },
    });
    throw error;
  }
  ctx.services.realtime.publish(ctx.db.tenantId, 'message.updated', {
    messageId,
    conversationId: message.conversationId,
    channelId: message.channelId,
    status: 'queued',
  });
  return getMessage(messageId, ctx);
}
