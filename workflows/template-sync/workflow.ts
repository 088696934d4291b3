// One periodic template sync across tenants, started by the template sync Schedule
// (api/templates/sync-schedule.ts).
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '#activities/index';

const { syncAllTemplatesActivity } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', maximumAttempts: 2 },
});

export async function templateSyncWorkflow(): Promise<void> {
  await syncAllTemplatesActivity();
}
