// The periodic template sync runs on a Temporal Schedule (one per task queue; the workers that poll
// it sync every tenant's connected channels), every TEMPLATE_SYNC_INTERVAL (15 minutes). It is
// created the first time a template is submitted or synced, as the routing sweep is.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { Env } from '#lib/env';
import type { Logger } from '#lib/logger';

export const TEMPLATE_SYNC_INTERVAL = '15 minutes';

const ensured = new WeakMap<Client, Map<string, Promise<void>>>();

export function templateSyncScheduleId(env: Pick<Env, 'TEMPORAL_TASK_QUEUE'>): string {
  return `template-sync-${env.TEMPORAL_TASK_QUEUE}`;
}

export function ensureTemplateSync(services: { temporal: Client; env: Env; logger: Logger }): Promise<void> {
  const { temporal, env } = services;
  let byQueue = ensured.get(temporal);
  if (!byQueue) {
    byQueue = new Map();
    ensured.set(temporal, byQueue);
  }
  const id = templateSyncScheduleId(env);
  let pending = byQueue.get(id);
  if (!pending) {
    pending = createSchedule(temporal, env, id).catch((error: unknown) => {
      byQueue.delete(id); // try again next time
      services.logger.error({ err: error }, 'could not create the template sync schedule');
    });
    byQueue.set(id, pending);
  }
  return pending;
}

async function createSchedule(temporal: Client, env: Env, scheduleId: string): Promise<void> {
  try {
    await temporal.schedule.create({
      scheduleId,
      spec: { intervals: [{ every: TEMPLATE_SYNC_INTERVAL }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'templateSyncWorkflow',
        args: [],
        taskQueue: env.TEMPORAL_TASK_QUEUE,
        workflowId: scheduleId,
        workflowExecutionTimeout: '10 minutes',
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) {
      throw error;
    }
  }
}
