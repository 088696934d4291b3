// The webhook sweep runs on a Temporal Schedule (one per task queue), created the first time a
// process dispatches an event or a subscription is saved: installations without webhooks or
// automations never run it. It starts what Temporal being down left behind (docs/webhooks.md).
import type { Client } from '@temporalio/client';
import type { Env } from '#lib/env';
import type { Logger } from '#lib/logger';
import { ensureIntervalSchedule } from '../temporal-schedules.ts';

export function webhookSweepId(env: Env): string {
  return `webhook-sweep-${env.TEMPORAL_TASK_QUEUE}`;
}

export function ensureWebhookSweep(services: { temporal: Client; env: Env; logger: Logger }): Promise<void> {
  return ensureIntervalSchedule(services, {
    scheduleId: webhookSweepId(services.env),
    every: `${services.env.WEBHOOK_SWEEP_SECONDS}s`,
    workflowType: 'webhookSweepWorkflow',
    workflowExecutionTimeout: '5 minutes',
  });
}
