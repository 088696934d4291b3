// One webhook sweep, started by the webhook Schedule (api/outgoing-webhooks/sweep-schedule.ts):
// events whose dispatch did not finish and deliveries whose workflow was never started.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '#activities/index';

const { sweepWebhookDeliveries } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumAttempts: 2 },
});

export async function webhookSweepWorkflow(): Promise<void> {
  await sweepWebhookDeliveries();
}
