// Started by a time-based rule's Schedule at each occurrence: one activity finds whom the rule
// concerns and starts their runs (automationWorkflow, idempotent per occurrence and contact).
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '#activities/index';
import type { AutomationScheduleInput } from './messages.ts';

const { fireTimeRule } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
});

export async function automationScheduleWorkflow(
  input: AutomationScheduleInput,
): Promise<{ started: number; skipped: number }> {
  // The occurrence's time: the Schedule's scheduled start, the same on every retry.
  const scheduled = workflowInfo().searchAttributes?.TemporalScheduledStartTime?.[0];
  const firedAt =
    scheduled instanceof Date ? scheduled : new Date(String(scheduled ?? workflowInfo().runStartTime.toISOString()));
  return fireTimeRule({ ...input, firedAt: firedAt.toISOString() });
}
