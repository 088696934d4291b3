// The routing sweep runs on a Temporal Schedule (one per task queue: the workers that poll it
// sweep every tenant). It is created the first time a process needs routing (a status, a team, a
// rule or an SLA policy), so installations that never route never run it; a restart finds it
// already there.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { Env } from '#lib/env';
import type { Logger } from '#lib/logger';

const ensured = new WeakMap<Client, Map<string, Promise<void>>>();

export function routingSweepId(env: Env): string {
  return `routing-sweep-${env.TEMPORAL_TASK_QUEUE}`;
}

export function ensureRoutingSweep(services: { temporal: Client; env: Env; logger: Logger }): Promise<void> {
  const { temporal, env } = services;
  let byQueue = ensured.get(temporal);
  if (!byQueue) {
    byQueue = new Map();
    ensured.set(temporal, byQueue);
  }
  const id = routingSweepId(env);
  let pending = byQueue.get(id);
  if (!pending) {
    pending = createSchedule(temporal, env, id).catch((error: unknown) => {
      byQueue.delete(id); // try again next time
      services.logger.error({ err: error }, 'could not create the routing sweep schedule');
    });
    byQueue.set(id, pending);
  }
  return pending;
}

async function createSchedule(temporal: Client, env: Env, scheduleId: string): Promise<void> {
  try {
    await temporal.schedule.create({
      scheduleId,
      spec: { intervals: [{ every: `${env.ROUTING_SWEEP_SECONDS}s` }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'routingSweepWorkflow',
        args: [],
        taskQueue: env.TEMPORAL_TASK_QUEUE,
        workflowId: scheduleId,
        // A sweep nobody picks up (no worker) must not block the next ones for long.
        workflowExecutionTimeout: '5 minutes',
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) {
      throw error;
    }
  }
}
