// Delivers one queued message with retries (rate limits back off, transient errors retry); when
// the retries run out the message is marked failed with the last error, never left queued.
import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '#activities/index';

const { deliverMessage } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});
const { markMessageFailed } = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds' });

export function sendMessageWorkflowId(messageId: string): string {
  return `send-message-${messageId}`;
}

export async function sendMessageWorkflow(input: { tenantId: string; messageId: string }): Promise<{ status: string }> {
  try {
    return await deliverMessage(input);
  } catch (error) {
    if (!(error instanceof ActivityFailure)) {
      throw error;
    }
    await markMessageFailed({ ...input, reason: error.cause?.message ?? error.message });
    return { status: 'failed' };
  }
}
