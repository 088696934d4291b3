// Scheduling, editing and cancelling. The row is what the inbox lists; the scheduledMessage
// workflow owns the timing, so edits and cancels go to it as updates, and it refuses them once
// the message is sending (409 here), which is what makes a late edit and the send exclusive.
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  cancelScheduledMessageUpdate,
  editScheduledMessageUpdate,
  scheduledMessageWorkflowId,
  tooLateMessage,
  type ScheduledMessageEdit,
  type ScheduledMessageInput,
} from '#workflows/scheduled-message/messages';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { getScheduledMessage, scheduledMessageSelect, toScheduledMessageView } from './scheduled-message-view.ts';
import type {
  CreateScheduledMessageInput,
  ScheduledMessageStatus,
  ScheduledMessageView,
  UpdateScheduledMessageInput,
} from './schemas.ts';
import { resolveSendTime } from './send-time.ts';

export async function createScheduledMessage(
  conversationId: string,
  input: CreateScheduledMessageInput,
  ctx: TenantContext,
): Promise<ScheduledMessageView> {
  const conversation = await ctx.db.conversation.findUnique({
    where: { id: conversationId },
    select: { id: true, contactId: true },
  });
  if (!conversation) {
    throw AppError.notFound('Conversation');
  }
  const { sendAt, timeZone } = await resolveSendTime(input, ctx, { contactId: conversation.contactId });
  const row = await ctx.db.scheduledMessage.create({
    data: {
      tenantId: ctx.db.tenantId,
      conversationId,
      createdByUserId: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
      content: input.content,
      sendAt,
      timeZone,
    },
    select: scheduledMessageSelect,
  });
  const workflowInput: ScheduledMessageInput = {
    tenantId: ctx.db.tenantId,
    scheduledMessageId: row.id,
    sendAt: sendAt.toISOString(),
    content: input.content,
  };
  try {
    await ctx.services.temporal.workflow.start('scheduledMessageWorkflow', {
      taskQueue: ctx.services.env.TEMPORAL_TASK_QUEUE,
      workflowId: scheduledMessageWorkflowId(row.id),
      args: [workflowInput],
    });
  } catch (error) {
    await ctx.db.scheduledMessage.deleteMany({ where: { id: row.id } }); // nothing would ever send it
    throw error;
  }
  publish(ctx, row);
  return toScheduledMessageView(row);
}

export async function updateScheduledMessage(
  id: string,
  input: UpdateScheduledMessageInput,
  ctx: TenantContext,
): Promise<ScheduledMessageView> {
  const row = await waiting(id, ctx);
  const edit: ScheduledMessageEdit = input.content ? { content: input.content } : {};
  if (input.sendAt || input.localTime) {
    const when = await resolveSendTime(input, ctx, { contactId: row.conversation.contactId, timeZone: row.timeZone });
    Object.assign(edit, { sendAt: when.sendAt.toISOString(), timeZone: when.timeZone });
  }
  await toWorkflow(id, ctx, (handle) => handle.executeUpdate(editScheduledMessageUpdate, { args: [edit] }));
  return getScheduledMessage(id, ctx);
}

export async function cancelScheduledMessage(id: string, ctx: TenantContext): Promise<ScheduledMessageView> {
  await waiting(id, ctx);
  await toWorkflow(id, ctx, (handle) => handle.executeUpdate(cancelScheduledMessageUpdate));
  return getScheduledMessage(id, ctx);
}

/** A scheduled message that still waits (404 if none; 409 once it is sending or done). */
async function waiting(id: string, ctx: TenantContext) {
  const row = await ctx.db.scheduledMessage.findUnique({
    where: { id },
    select: { status: true, timeZone: true, conversation: { select: { contactId: true } } },
  });
  if (!row) {
    throw AppError.notFound('Scheduled message');
  }
  if (row.status !== 'scheduled') {
    throw tooLate(tooLateMessage(row.status as ScheduledMessageStatus));
  }
  return row;
}

type Handle = ReturnType<TenantContext['services']['temporal']['workflow']['getHandle']>;

async function toWorkflow(id: string, ctx: TenantContext, call: (handle: Handle) => Promise<unknown>): Promise<void> {
  try {
    await call(ctx.services.temporal.workflow.getHandle(scheduledMessageWorkflowId(id)));
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      throw tooLate(error.cause?.message ?? error.message);
    }
    if (error instanceof WorkflowNotFoundError) {
      throw tooLate('This scheduled message can no longer be changed.');
    }
    throw error;
  }
}

function tooLate(message: string): AppError {
  return new AppError('CONFLICT', message, { fields: [{ field: 'status', message }] });
}

function publish(ctx: TenantContext, row: { id: string; conversationId: string; status: string }): void {
  ctx.services.realtime.publish(ctx.db.tenantId, 'scheduledMessage.updated', {
    scheduledMessageId: row.id,
    conversationId: row.conversationId,
    status: row.status as ScheduledMessageStatus,
  });
}
