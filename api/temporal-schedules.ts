// Temporal Schedules that run one workflow type every interval. Creating one is idempotent (a
// schedule that exists is left as it is), and the process-wide ones are created once per process:
// the first caller creates, everyone else awaits that, and a failure is retried by the next caller.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { Env } from '#lib/env';
import type { Logger } from '#lib/logger';

export type IntervalSchedule = {
  scheduleId: string;
  /** Temporal duration: '15 minutes', '30s'. */
  every: string;
  workflowType: string;
  args?: unknown[];
  /** A run nobody picks up (no worker) must not block the next ones for long. */
  workflowExecutionTimeout?: string;
};

export async function createIntervalSchedule(temporal: Client, env: Env, schedule: IntervalSchedule): Promise<void> {
  try {
    await temporal.schedule.create({
      scheduleId: schedule.scheduleId,
      spec: { intervals: [{ every: schedule.every }] },
      action: {
        type: 'startWorkflow',
        workflowType: schedule.workflowType,
        args: schedule.args ?? [],
        taskQueue: env.TEMPORAL_TASK_QUEUE,
        workflowId: schedule.scheduleId,
        ...(schedule.workflowExecutionTimeout ? { workflowExecutionTimeout: schedule.workflowExecutionTimeout } : {}),
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) {
      throw error;
    }
  }
}

const ensured = new WeakMap<Client, Map<string, Promise<void>>>();

/** Creates the schedule once per process and client; failures are logged, not thrown. */
export function ensureIntervalSchedule(
  services: { temporal: Client; env: Env; logger: Logger },
  schedule: IntervalSchedule,
): Promise<void> {
  const { temporal, env } = services;
  let byId = ensured.get(temporal);
  if (!byId) {
    byId = new Map();
    ensured.set(temporal, byId);
  }
  let pending = byId.get(schedule.scheduleId);
  if (!pending) {
    pending = createIntervalSchedule(temporal, env, schedule).catch((error: unknown) => {
      byId.delete(schedule.scheduleId); // the next caller tries again
      services.logger.error({ err: error, scheduleId: schedule.scheduleId }, 'could not create a schedule');
    });
    byId.set(schedule.scheduleId, pending);
  }
  return pending;
}
