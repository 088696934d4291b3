// One health check of one channel, started by the channel's Temporal Schedule.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '#activities/index';

const { checkChannelHealth } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumAttempts: 3 },
});

export async function channelHealthWorkflow(input: {
  tenantId: string;
  channelId: string;
}): Promise<{ status: string; reason: string | null }> {
  return checkChannelHealth(input);
}
