// The public face of a scheduledMessage workflow: its id, input, the edit and cancel updates (the
// API's PATCH and DELETE) and a query. Zod-free: the workflow bundle imports it.
import { defineQuery, defineUpdate } from '@temporalio/workflow';

// The shapes of api/scheduled-messages/schemas.ts, restated: workflow code imports no API module.
export type ScheduledContent =
  | { type: 'text'; text: string }
  | { type: 'template'; template: { name: string; language: string; bodyParameters: string[] } };
export type ScheduledMessageStatus = 'scheduled' | 'sending' | 'sent' | 'cancelled' | 'failed';

export type ScheduledMessageInput = {
  tenantId: string;
  scheduledMessageId: string;
  /** ISO instant. */
  sendAt: string;
  content: ScheduledContent;
};

export type ScheduledMessageEdit = { sendAt?: string; timeZone?: string; content?: ScheduledContent };

export type ScheduledMessageState = { status: ScheduledMessageStatus; sendAt: string };

export type ScheduledMessageResult = { status: 'sent' | 'cancelled' | 'failed'; messageId: string | null };

export const editScheduledMessageUpdate = defineUpdate<ScheduledMessageState, [ScheduledMessageEdit]>(
  'editScheduledMessage',
);
export const cancelScheduledMessageUpdate = defineUpdate<ScheduledMessageState, []>('cancelScheduledMessage');
export const scheduledMessageStateQuery = defineQuery<ScheduledMessageState>('scheduledMessageState');

/** Internal ids only (workflow ids are visible in Temporal's UI and logs). */
export function scheduledMessageWorkflowId(scheduledMessageId: string): string {
  return `scheduled-message-${scheduledMessageId}`;
}

/** The update validators' refusal, which the API turns into a 409. */
export function tooLateMessage(status: ScheduledMessageStatus): string {
  return status === 'cancelled'
    ? 'This scheduled message was cancelled.'
    : `This scheduled message can no longer be changed: it is already ${status}.`;
}
