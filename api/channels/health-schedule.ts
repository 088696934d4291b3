// Each connected channel has a Temporal Schedule that runs its health check every
// CHANNEL_HEALTH_INTERVAL_SECONDS (workflows/channel-health). Schedules survive restarts and show
// in the Temporal UI; "check now" triggers one run.
import { ScheduleNotFoundError, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { Env } from '#lib/env';
import { createIntervalSchedule } from '../temporal-schedules.ts';

export function healthScheduleId(channelId: string): string {
  return `channel-health-${channelId}`;
}

export function ensureHealthSchedule(temporal: Client, env: Env, tenantId: string, channelId: string): Promise<void> {
  return createIntervalSchedule(temporal, env, {
    scheduleId: healthScheduleId(channelId),
    every: `${env.CHANNEL_HEALTH_INTERVAL_SECONDS}s`,
    workflowType: 'channelHealthWorkflow',
    args: [{ tenantId, channelId }],
  });
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
