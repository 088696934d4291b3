// The periodic template sync runs on a Temporal Schedule (one per task queue; the workers that poll
// it sync every tenant's connected channels), every TEMPLATE_SYNC_INTERVAL (15 minutes). It is
// created the first time a template is submitted or synced, as the routing sweep is.
import type { Client } from '@temporalio/client';
import type { Env } from '#lib/env';
import type { Logger } from '#lib/logger';
import { ensureIntervalSchedule } from '../temporal-schedules.ts';

export const TEMPLATE_SYNC_INTERVAL = '15 minutes';

export function templateSyncScheduleId(env: Pick<Env, 'TEMPORAL_TASK_QUEUE'>): string {
  return `template-sync-${env.TEMPORAL_TASK_QUEUE}`;
}

export function ensureTemplateSync(services: { temporal: Client; env: Env; logger: Logger }): Promise<void> {
  return ensureIntervalSchedule(services, {
    scheduleId: templateSyncScheduleId(services.env),
    every: TEMPLATE_SYNC_INTERVAL,
    workflowType: 'templateSyncWorkflow',
    workflowExecutionTimeout: '10 minutes',
  });
}
