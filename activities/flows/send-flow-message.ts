// Sends one message of a flow. The idempotency key `flow:<sessionId>:<seq>` makes the queued
// Message row the sent-ledger: a retried activity finds the same row, and deliverMessage claims
// it before calling WhatsApp, so a customer never gets a flow message twice. Queueing is one SQL
// statement (ledger-sql.ts): the session created the conversation, and deliverMessage checks the
// channel and the 24-hour window. Media from Parley's library is uploaded to the channel's number
// first (library-media.ts).
import { ApplicationFailure } from '@temporalio/activity';
import { outboundText } from '#api/messages/queue-outbound-message';
import { checkTemplateOnPool } from '#api/templates/send-check';
import type { OutboundContent } from '#api/whatsapp/schemas';
import type { ActivityDeps } from '../deps.ts';
import { createDeliverMessageActivity, deliverLoaded } from '../messaging/deliver-message.ts';
import { queueAndClaim } from '../messaging/ledger-sql.ts';
import { withChannelMediaId } from '../messaging/library-media.ts';

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
    let toSend = input.content;
    if (toSend.type === 'template') {
      const checked = await checkTemplateOnPool(deps.pool, input, toSend.template);
      if (checked.refusal !== null) {
        throw ApplicationFailure.nonRetryable(checked.refusal, 'SendRejected');
      }
      toSend = { ...toSend, template: checked.template };
    }
    const content = await withChannelMediaId(deps, input, toSend);
    const queued = await queueAndClaim(deps.pool, {
      tenantId: input.tenantId,
      channelId: input.channelId,
      contactId: input.contactId,
      idempotencyKey: `flow:${input.sessionId}:${input.seq}`,
      content,
      text: outboundText(content),
    });
    if (!queued) {
      // The contact or its conversation was deleted while the session ran: retrying cannot help.
      throw ApplicationFailure.nonRetryable('The conversation no longer exists', 'SendRejected');
    }
    const { messageId, delivery } = queued;
    const target = { tenantId: input.tenantId, messageId };
    const result = delivery ? await deliverLoaded(deps, target, delivery) : await deliverMessage(target);
    if (result.status === 'failed') {
      // deliverMessage marked the row failed (closed window, bad number, revoked token): final.
      const { rows } = await deps.pool.query<{ errorTitle: string | null }>(
        'SELECT "errorTitle" FROM "Message" WHERE id = $1 AND "tenantId" = $2',
        [messageId, input.tenantId],
      );
      throw ApplicationFailure.nonRetryable(rows[0]?.errorTitle ?? 'The message could not be sent', 'SendFailed');
    }
    return { messageId, providerMessageId: result.providerMessageId };
  };
}
