// One message an agent scheduled: a durable timer until its time, then the inbox's own send path
// (queue with an idempotency key, then the deliverMessage activity on the sent-ledger).
// Edit and cancel are updates. Their validators accept only while the message is still waiting,
// and the switch to `sending` happens in the workflow's own single-threaded code, so an edit or a
// cancel racing the send resolves one way: accepted before the switch (the send waits for it or
// never happens), or refused after it (409 for the agent). An edit being saved holds the send back.
import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { Activities } from '#activities/index';
import {
  cancelScheduledMessageUpdate,
  editScheduledMessageUpdate,
  scheduledMessageStateQuery,
  tooLateMessage,
  type ScheduledMessageEdit,
  type ScheduledMessageInput,
  type ScheduledMessageResult,
  type ScheduledMessageState,
  type ScheduledMessageStatus,
} from './messages.ts';

const bookkeeping = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 20 },
});
// The same policy as sendMessageWorkflow: WhatsApp rate limits and hiccups back off and retry.
const { deliverMessage } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

export async function scheduledMessageWorkflow(input: ScheduledMessageInput): Promise<ScheduledMessageResult> {
  const ids = { tenantId: input.tenantId, scheduledMessageId: input.scheduledMessageId };
  // Handlers change it between awaits: typed wide so the main loop does not narrow it.
  let status = 'scheduled' as ScheduledMessageStatus;
  let sendAt = Date.parse(input.sendAt);
  let content = input.content;
  let revision = 0;
  let saving = 0;
  const state = (): ScheduledMessageState => ({ status, sendAt: new Date(sendAt).toISOString() });
  const whileWaiting = () => {
    if (status !== 'scheduled') {
      throw ApplicationFailure.nonRetryable(tooLateMessage(status), 'TooLate');
    }
  };

  setHandler(scheduledMessageStateQuery, state);
  setHandler(
    editScheduledMessageUpdate,
    async (edit) => {
      saving += 1;
      try {
        // Saved first: the row is what the inbox shows, and a failed save leaves the old plan.
        await bookkeeping.saveScheduledEdit({ ...ids, ...edit });
        sendAt = edit.sendAt ? Date.parse(edit.sendAt) : sendAt;
        content = edit.content ?? content;
        revision += 1;
      } finally {
        saving -= 1;
      }
      return state();
    },
    { validator: (_edit: ScheduledMessageEdit) => whileWaiting() },
  );
  setHandler(
    cancelScheduledMessageUpdate,
    async () => {
      status = 'cancelled';
      await bookkeeping.setScheduledMessageStatus({ ...ids, status: 'cancelled' });
      return state();
    },
    { validator: whileWaiting },
  );

  for (;;) {
    const seen = revision;
    const due = sendAt - Date.now();
    if (due > 0) {
      await condition(() => status !== 'scheduled' || revision !== seen, due);
    } else if (saving > 0) {
      await condition(() => saving === 0);
    } else {
      break;
    }
    if (status === 'cancelled') {
      await condition(allHandlersFinished);
      return { status: 'cancelled', messageId: null };
    }
  }
  status = 'sending';
  return send(ids, content);
}

async function send(
  ids: { tenantId: string; scheduledMessageId: string },
  content: ScheduledMessageInput['content'],
): Promise<ScheduledMessageResult> {
  const queued = await bookkeeping.queueScheduledMessage({ ...ids, content });
  if (queued.status === 'failed') {
    await bookkeeping.finishScheduledMessage({ ...ids, status: 'failed', messageId: null, reason: queued.reason });
    return { status: 'failed', messageId: null };
  }
  const { messageId } = queued;
  let delivered: string;
  try {
    delivered = (await deliverMessage({ tenantId: ids.tenantId, messageId })).status;
  } catch (error) {
    if (!(error instanceof ActivityFailure)) {
      throw error;
    }
    const reason = error.cause?.message ?? error.message;
    await bookkeeping.markMessageFailed({ tenantId: ids.tenantId, messageId, reason });
    delivered = 'failed';
  }
  const outcome = delivered === 'failed' ? 'failed' : 'sent';
  await bookkeeping.finishScheduledMessage({ ...ids, status: outcome, messageId, reason: null });
  return { status: outcome, messageId };
}
