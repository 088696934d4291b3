// The send_message and send_template actions, on the flows' send path: the idempotency key
// `automation:<runId>:<seq>` makes the queued Message row the sent-ledger, so a retried activity
// never sends twice; deliverMessage checks the number and the 24-hour window (a free-form text
// outside it fails the run with WhatsApp's reason), and a template must be approved.
import { ApplicationFailure } from '@temporalio/activity';
import type { AutomationAction } from '#api/automations/schemas';
import { outboundText } from '#api/messages/queue-outbound-message';
import { checkTemplateOnPool } from '#api/templates/send-check';
import type { OutboundContent } from '#api/whatsapp/schemas';
import type { ActivityDeps } from '../deps.ts';
import { createDeliverMessageActivity, deliverLoaded } from '../messaging/deliver-message.ts';
import { queueAndClaim } from '../messaging/ledger-sql.ts';

export type SendTarget = { tenantId: string; channelId: string; contactId: string; idempotencyKey: string };
type SendAction = Extract<AutomationAction, { type: 'send_message' | 'send_template' }>;

export function createAutomationSender(deps: ActivityDeps) {
  const deliverMessage = createDeliverMessageActivity(deps);
  return async function sendAutomationMessage(target: SendTarget, action: SendAction, fill: (text: string) => string) {
    let content = contentOf(action, fill);
    if (content.type === 'template') {
      const checked = await checkTemplateOnPool(deps.pool, target, content.template);
      if (checked.refusal !== null) {
        throw ApplicationFailure.nonRetryable(checked.refusal, 'SendRejected');
      }
      content = { ...content, template: checked.template };
    }
    const queued = await queueAndClaim(deps.pool, { ...target, content, text: outboundText(content) });
    if (!queued) {
      throw ApplicationFailure.nonRetryable('The contact has no conversation on this number', 'SendRejected');
    }
    const messageTarget = { tenantId: target.tenantId, messageId: queued.messageId };
    const result = queued.delivery
      ? await deliverLoaded(deps, messageTarget, queued.delivery)
      : await deliverMessage(messageTarget);
    if (result.status === 'failed') {
      const { rows } = await deps.pool.query<{ errorTitle: string | null }>(
        'SELECT "errorTitle" FROM "Message" WHERE id = $1 AND "tenantId" = $2',
        [queued.messageId, target.tenantId],
      );
      throw ApplicationFailure.nonRetryable(rows[0]?.errorTitle ?? 'The message could not be sent', 'SendFailed');
    }
    return `message ${queued.messageId}`;
  };
}

function contentOf(action: SendAction, fill: (text: string) => string): OutboundContent {
  if (action.type === 'send_message') {
    return { type: 'text', text: { body: fill(action.text) } };
  }
  const parameters = action.bodyVariables.map((value) => ({ type: 'text' as const, text: fill(value) }));
  return {
    type: 'template',
    template: {
      name: action.templateName,
      language: { code: action.language },
      ...(parameters.length > 0 ? { components: [{ type: 'body' as const, parameters }] } : {}),
    },
  };
}
