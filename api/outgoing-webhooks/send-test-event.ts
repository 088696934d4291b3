// "Send test event": a webhook.test event to this one subscription, whatever types it chose and
// even when disabled is refused (409): it goes through the same delivery workflow as real events,
// so the log, signature and retries shown are the real ones.
import { randomUUID } from 'node:crypto';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { startDeliveryWorkflows } from './delivery-workflows.ts';
import { getSubscription } from './subscription-view.ts';

export async function sendTestEvent(subscriptionId: string, ctx: TenantContext): Promise<{ deliveryId: string }> {
  const subscription = await getSubscription(ctx.db, subscriptionId);
  if (!subscription.isEnabled) {
    throw AppError.field('isEnabled', 'the subscription is disabled: enable it to send a test event', 'CONFLICT');
  }
  const tenantId = ctx.db.tenantId;
  const eventId = randomUUID();
  const deliveryId = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.tenantEvent.create({
      data: {
        id: eventId,
        tenantId,
        type: 'webhook.test',
        payload: { subscriptionId, message: `A test event for "${subscription.name}"` },
        dispatchedAt: new Date(),
      },
    });
    await tx.webhookDelivery.create({ data: { id: deliveryId, tenantId, subscriptionId, eventId } });
  });
  await startDeliveryWorkflows(ctx.services, [{ tenantId, deliveryId, replayCount: 0 }]);
  return { deliveryId };
}
