// The dead letter: a delivery out of attempts (or refused for good) is marked dead, replayable
// from the API. Its subscription's streak of dead deliveries grows; past WEBHOOK_DISABLE_AFTER_DEAD
// the subscription is disabled (only one delivery wins that update) and the members who manage
// webhooks are notified. A success resets the streak (attempt-delivery.ts).
import { invalidateEventInterest } from '#api/events/event-interest';
import { notifyMembers } from '#api/notifications/notify-members';
import { createTenantDb } from '#db/tenant-db';
import type { WebhookDeliveryInput } from '#workflows/webhook-delivery/messages';
import type { ActivityDeps } from '../deps.ts';

export const WEBHOOK_DISABLED_KIND = 'webhook.disabled';

export function createDeadWebhookDeliveryActivity(deps: ActivityDeps) {
  return async function deadWebhookDelivery(input: WebhookDeliveryInput & { error: string }): Promise<void> {
    const { rows } = await deps.pool.query<{ subscriptionId: string }>(
      `UPDATE "WebhookDelivery" SET status = 'dead', "nextAttemptAt" = NULL, "lastError" = $3, "updatedAt" = now()
       WHERE id = $1 AND "tenantId" = $2 AND "replayCount" = $4 AND status <> 'dead'
       RETURNING "subscriptionId"`,
      [input.deliveryId, input.tenantId, input.error.slice(0, 1000), input.replayCount],
    );
    const subscriptionId = rows[0]?.subscriptionId;
    if (!subscriptionId) {
      return; // already recorded (this activity ran before) or the delivery is gone
    }
    const limit = deps.env.WEBHOOK_DISABLE_AFTER_DEAD;
    const reason = `Disabled after ${limit} deliveries in a row failed every attempt (last: ${input.error.slice(0, 200)})`;
    const streak = await deps.pool.query<{ failureStreak: number; isEnabled: boolean }>(
      `UPDATE "WebhookSubscription" SET "failureStreak" = "failureStreak" + 1 WHERE id = $1
       RETURNING "failureStreak", "isEnabled"`,
      [subscriptionId],
    );
    if (!streak.rows[0]?.isEnabled || streak.rows[0].failureStreak < limit) {
      return;
    }
    const disabled = await deps.pool.query<{ name: string; url: string }>(
      `UPDATE "WebhookSubscription" SET "isEnabled" = false, "disabledReason" = $2, "disabledAt" = now(), "updatedAt" = now()
       WHERE id = $1 AND "isEnabled" RETURNING name, url`,
      [subscriptionId, reason],
    );
    const subscription = disabled.rows[0];
    if (subscription) {
      invalidateEventInterest(input.tenantId);
      deps.logger.warn(
        { tenantId: input.tenantId, subscriptionId },
        'webhook subscription disabled after dead deliveries',
      );
      await notifyMembers(createTenantDb(deps.prisma, input.tenantId), deps.realtime, 'webhooks.manage', {
        kind: WEBHOOK_DISABLED_KIND,
        title: `Webhook "${subscription.name}" was disabled`,
        body: `${reason}. Fix the receiver at ${subscription.url.slice(0, 300)}, then enable it again and replay the dead deliveries.`.slice(
          0,
          1000,
        ),
        link: `/settings/webhooks/${subscriptionId}`,
      });
    }
  };
}
