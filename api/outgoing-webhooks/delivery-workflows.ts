// Starting webhook delivery workflows, from the dispatcher, the test-event and replay routes and
// the sweep. Deliveries asked for within BATCH_WINDOW_MS in this process share one run (up to
// MAX_DELIVERIES_PER_RUN): a workflow start is the Temporal server's largest cost per delivery, and
// one event fans out to every subscriber at once. The run's id is its first delivery's
// (webhookDeliveryWorkflowId), so a start that finds the run already there is fine.
// workflowStartedAt records the start, so the sweep knows which deliveries still need one
// (Temporal was down, or this process died with deliveries still waiting for their window).
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type pg from 'pg';
import type { Env } from '#lib/env';
import type { Logger } from '#lib/logger';
import {
  MAX_DELIVERIES_PER_RUN,
  webhookDeliveryWorkflowId,
  type WebhookDeliveryInput,
} from '#workflows/webhook-delivery/messages';
import type { webhookDeliveryWorkflow } from '#workflows/webhook-delivery/workflow';
import { eagerStartOption } from '../temporal-client.ts';

export type DeliveryStartDeps = { temporal: Client; env: Env; pool: pg.Pool; logger: Logger };

/** How long a delivery waits for others to share its run: the latency bought for throughput. */
export const BATCH_WINDOW_MS = 100;

type Waiting = { delivery: WebhookDeliveryInput; started: (ok: boolean) => void };
type Batch = { deps: DeliveryStartDeps; waiting: Waiting[]; timer: NodeJS.Timeout };

/** One gathering batch per Temporal client (one per process, more in tests). */
const batches = new WeakMap<Client, Batch>();

/**
 * Starts the deliveries' workflows within the batch window; resolves when they have started,
 * with how many could not be (left for the sweep). Never throws.
 */
export async function startDeliveryWorkflows(
  deps: DeliveryStartDeps,
  deliveries: WebhookDeliveryInput[],
): Promise<number> {
  const outcomes = await Promise.all(
    deliveries.map((delivery) => new Promise<boolean>((started) => join(deps, { delivery, started }))),
  );
  return outcomes.filter((ok) => !ok).length;
}

function join(deps: DeliveryStartDeps, waiting: Waiting): void {
  let batch = batches.get(deps.temporal);
  if (!batch) {
    const timer = setTimeout(() => void flush(deps.temporal), BATCH_WINDOW_MS);
    timer.unref();
    batch = { deps, waiting: [], timer };
    batches.set(deps.temporal, batch);
  }
  batch.waiting.push(waiting);
  if (batch.waiting.length >= MAX_DELIVERIES_PER_RUN) {
    clearTimeout(batch.timer);
    void flush(deps.temporal);
  }
}

async function flush(client: Client): Promise<void> {
  const batch = batches.get(client);
  if (!batch) {
    return;
  }
  batches.delete(client);
  const { deps, waiting } = batch;
  const deliveries = waiting.map((w) => w.delivery);
  let ok = false;
  try {
    await startRun(deps, deliveries);
    await deps.pool.query(`UPDATE "WebhookDelivery" SET "workflowStartedAt" = now() WHERE id = ANY($1::uuid[])`, [
      deliveries.map((d) => d.deliveryId),
    ]);
    ok = true;
  } catch (error) {
    deps.logger.warn(
      { err: error, deliveryIds: deliveries.map((d) => d.deliveryId) },
      'webhook deliveries not started yet; the sweep will',
    );
  }
  waiting.forEach((w) => w.started(ok));
}

async function startRun(deps: DeliveryStartDeps, deliveries: WebhookDeliveryInput[]): Promise<void> {
  const first = deliveries[0]!;
  try {
    await deps.temporal.workflow.start<typeof webhookDeliveryWorkflow>('webhookDeliveryWorkflow', {
      taskQueue: deps.env.TEMPORAL_TASK_QUEUE,
      workflowId: webhookDeliveryWorkflowId(first.deliveryId, first.replayCount),
      args: [{ deliveries }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      ...eagerStartOption(deps.temporal),
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
      throw error;
    }
    // A run named after the first delivery exists (an earlier start whose bookkeeping failed), but
    // it may not hold the others: each gets a run of its own (at worst one is sent twice, which the
    // stable event id lets receivers drop).
    if (deliveries.length > 1) {
      await Promise.all(deliveries.slice(1).map((delivery) => startRun(deps, [delivery])));
    }
  }
}
