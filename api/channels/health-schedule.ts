// Each connected channel has a Temporal Schedule that runs its health check every
// CHANNEL_HEALTH_INTERVAL_SECONDS (workflows/channel-health). Schedules survive restarts and show
// in the Temporal UI; "check now" triggers one run.
import { ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { Env } from '#lib/env';

export function healthScheduleId(channelId: string): string {
  return `channel-health-${channelId}`;
}

export async function ensureHealthSchedule(
  temporal: Client,
  env: Env,
  tenantId: string,
  channelId: string,
): Promise<void> {
  try {
    await temporal.schedule.create({
      scheduleId: healthScheduleId(channelId),
      spec: { intervals: [{ every: `${env.CHANNEL_HEALTH_INTERVAL_SECONDS}s` }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'channelHealthWorkflow',
        args: [{ tenantId, channelId }],
        taskQueue: env.TEMPORAL_TASK_QUEUE,
        workflowId: healthScheduleId(channelId),
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) {
      throw error;
    }
  }
}

/** Runs the check now, creating the schedule first for a channel that never had one. */
export async function triggerHealthCheck(
  temporal: Client,
  env: Env,
  tenantId: string,
  channelId: string,
): Promise<void> {
  await ensureHealthSchedule(temporal, env, tenantId, channelId);
  await temporal.schedule.getHandle(healthScheduleId(channelId)).trigger(ScheduleOverlapPolicy.ALLOW_ALL);
}

export async function removeHealthSchedule(temporal: Client, channelId: string): Promise<void> {
  try {
    await temporal.schedule.getHandle(healthScheduleId(channelId)).delete();
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) {
      throw error;
    }
  }
}
