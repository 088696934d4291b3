// Sending from the API (agents, integrations): queue the message, then a sendMessageWorkflow
// delivers it with retries. Answers 202 with the queued message; its status then moves
// sent → delivered → read (or failed, with WhatsApp's reason), pushed live over Socket.IO.
import { randomUUID } from 'node:crypto';
import type { TenantContext } from '../context.ts';
import { ensureContact } from '../events/contact-events.ts';
import { sendMessageWorkflowId } from '#workflows/send-message/workflow';
import { getMessage } from './list-messages.ts';
import { queueOutboundMessage } from './queue-outbound-message.ts';
import type { MessageView, SendMessageInput } from './schemas.ts';
import { eagerStartOption } from '../temporal-client.ts';

export async function sendMessage(input: SendMessageInput, ctx: TenantContext): Promise<MessageView> {
  const contactId = 'contactId' in input.to ? input.to.contactId : await contactForPhone(ctx, input.to.phone);
  const queued = await queueOutboundMessage(ctx.db, {
    channelId: input.channelId,
    contactId,
    content: input.content,
    idempotencyKey: input.idempotencyKey ?? randomUUID(),
    replyToMessageId: input.replyToMessageId,
  });
  if (queued.created) {
    await ctx.services.temporal.workflow.start('sendMessageWorkflow', {
      taskQueue: ctx.services.env.TEMPORAL_TASK_QUEUE,
      workflowId: sendMessageWorkflowId(queued.messageId),
      args: [{ tenantId: ctx.db.tenantId, messageId: queued.messageId }],
      ...eagerStartOption(ctx.services.temporal),
    });
    ctx.services.realtime.publish(ctx.db.tenantId, 'message.created', {
      messageId: queued.messageId,
      conversationId: queued.conversationId,
      channelId: input.channelId,
      direction: 'outbound',
    });
  }
  return getMessage(queued.messageId, ctx);
}

async function contactForPhone(ctx: TenantContext, phone: string): Promise<string> {
  return ensureContact(ctx.db, ctx.services, phone.replace(/^\+/, ''));
}
