// The routing sweep runs on a Temporal Schedule (one per task queue: the workers that poll it
// sweep every tenant). It is created the first time a process needs routing (a status, a team, a
// rule or an SLA policy), so installations that never route never run it; a restart finds it
// already there.
import type { Client } from '@temporalio/client';
import type { Env } from '#lib/env';
import type { Logger } from '#lib/logger';
import { ensureIntervalSchedule } from '../temporal-schedules.ts';

export function routingSweepId(env: Env): string {
  return `routing-sweep-${env.TEMPORAL_TASK_QUEUE}`;
}

export function ensureRoutingSweep(services: { temporal: Client; env: Env; logger: Logger }): Promise<void> {
  return ensureIntervalSchedule(services, {
    scheduleId: routingSweepId(services.env),
    every: `${services.env.ROUTING_SWEEP_SECONDS}s`,
    workflowType: 'routingSweepWorkflow',
    workflowExecutionTimeout: '5 minutes',
  });
}
