// Starting webhook delivery workflows, from the dispatcher, the test-event and replay routes and
// the sweep. One workflow per delivery and replay (webhookDeliveryWorkflowId); a start that finds
// the workflow already there is fine. workflowStartedAt records the start, so the sweep knows
// which deliveries still need one (Temporal was down).
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type pg from 'pg';
import type { Env } from '#lib/env';
import type { Logger } from '#lib/logger';
import { webhookDeliveryWorkflowId, type WebhookDeliveryInput } from '#workflows/webhook-delivery/messages';
import type { webhookDeliveryWorkflow } from '#workflows/webhook-delivery/workflow';

export type DeliveryStartDeps = { temporal: Client; env: Env; pool: pg.Pool; logger: Logger };

/** Starts each delivery's workflow; returns how many could not be started (left for the sweep). */
export async function startDeliveryWorkflows(
  deps: DeliveryStartDeps,
  deliveries: WebhookDeliveryInput[],
): Promise<number> {
  const started: string[] = [];
  await Promise.all(
    deliveries.map(async (delivery) => {
      try {
        await startDeliveryWorkflow(deps, delivery);
        started.push(delivery.deliveryId);
      } catch (error) {
        deps.logger.warn(
          { err: error, deliveryId: delivery.deliveryId },
          'webhook delivery not started yet; the sweep will',
        );
      }
    }),
  );
  if (started.length > 0) {
    await deps.pool.query(`UPDATE "WebhookDelivery" SET "workflowStartedAt" = now() WHERE id = ANY($1::uuid[])`, [
      started,
    ]);
  }
  return deliveries.length - started.length;
}

async function startDeliveryWorkflow(deps: DeliveryStartDeps, input: WebhookDeliveryInput): Promise<void> {
  try {
    await deps.temporal.workflow.start<typeof webhookDeliveryWorkflow>('webhookDeliveryWorkflow', {
      taskQueue: deps.env.TEMPORAL_TASK_QUEUE,
      workflowId: webhookDeliveryWorkflowId(input.deliveryId, input.replayCount),
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
      throw error;
    }
  }
}
