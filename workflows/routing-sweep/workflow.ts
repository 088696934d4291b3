// One routing sweep (idle agents, SLA breaches, the waiting queues), started by the routing
// Schedule (api/routing/sweep-schedule.ts).
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '#activities/index';

const { sweepRoutingActivity } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumAttempts: 2 },
});

export async function routingSweepWorkflow(): Promise<void> {
  await sweepRoutingActivity();
}
