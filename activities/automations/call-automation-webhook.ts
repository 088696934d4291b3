// The call_webhook action: a JSON POST through the SSRF guard (the operator's policy decides
// which private addresses, if any, a tenant's URL may reach). The Idempotency-Key is the action's
// stable key, the same on every retry, so the receiver can drop repeats. A 4xx answer is final,
// a 5xx or a network error is retried by the activity's policy.
import { ApplicationFailure } from '@temporalio/activity';
import { guardedFetch, outboundPolicy, TargetNotAllowedError } from '#lib/outbound-http';
import type { AutomationRunInput } from '#workflows/automation/messages';
import type { ActivityDeps } from '../deps.ts';

const TIMEOUT_MS = 10_000;

export async function callAutomationWebhook(
  deps: ActivityDeps,
  input: AutomationRunInput & { runId: string; url: string; idempotencyKey: string },
): Promise<string> {
  let response: Response;
  try {
    response = await guardedFetch(
      input.url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': input.idempotencyKey,
          'user-agent': 'Parley-Automations/1',
        },
        body: JSON.stringify({
          event: 'automation.run',
          ruleId: input.ruleId,
          ruleName: input.ruleName,
          runId: input.runId,
          triggeredAt: input.triggeredAt,
          contactId: input.contactId,
          conversationId: input.conversationId,
          channelId: input.channelId,
        }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
      { policy: outboundPolicy(deps.env) },
    );
  } catch (error) {
    if (error instanceof TargetNotAllowedError) {
      throw ApplicationFailure.nonRetryable(error.message, 'TargetNotAllowed');
    }
    throw error;
  }
  await response.body?.cancel();
  const host = new URL(input.url).host;
  if (response.status >= 400 && response.status < 500 && response.status !== 429) {
    throw ApplicationFailure.nonRetryable(`webhook ${host} answered ${response.status}`, 'WebhookRefused');
  }
  if (!response.ok) {
    throw new Error(`webhook ${host} answered ${response.status}`);
  }
  return `webhook answered ${response.status}`;
}
