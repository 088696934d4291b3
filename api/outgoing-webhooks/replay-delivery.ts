// Sending a delivery again, by hand: a dead one (after the receiver is fixed) or a succeeded one
// (the receiver lost it). A new workflow run (replayCount + 1, its own workflow id) sends the same
// envelope with the same event id, so a receiver that dedupes on it can drop a repeat.
import type { TenantContext } from '../context.ts';
import { audit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { startDeliveryWorkflows } from './delivery-workflows.ts';

export async function replayDelivery(deliveryId: string, ctx: TenantContext): Promise<{ deliveryId: string }> {
  const delivery = await ctx.db.webhookDelivery.findFirst({
    where: { id: deliveryId },
    select: { id: true, status: true, subscriptionId: true },
  });
  if (!delivery) {
    throw AppError.notFound('Webhook delivery');
  }
  const replayed = await ctx.db.webhookDelivery.updateManyAndReturn({
    where: { id: deliveryId, status: { in: ['dead', 'succeeded'] } },
    data: {
      status: 'pending',
      replayCount: { increment: 1 },
      nextAttemptAt: null,
      workflowStartedAt: null,
    },
    select: { replayCount: true },
  });
  if (replayed.length === 0) {
    throw AppError.field(
      'status',
      `only a dead or succeeded delivery can be replayed; this one is ${delivery.status}`,
      'CONFLICT',
    );
  }
  await startDeliveryWorkflows(ctx.services, [
    { tenantId: ctx.db.tenantId, deliveryId, replayCount: replayed[0]!.replayCount },
  ]);
  await audit(ctx, {
    action: 'webhook_delivery.replayed',
    targetType: 'webhook_delivery',
    targetId: deliveryId,
    metadata: { subscriptionId: delivery.subscriptionId },
  });
  return { deliveryId };
}
