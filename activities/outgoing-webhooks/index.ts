// The outgoing-webhook activities (docs/webhooks.md).
import type { ActivityDeps } from '../deps.ts';
import { createAttemptWebhookDeliveriesActivity } from './attempt-delivery.ts';
import { createDeadWebhookDeliveryActivity } from './dead-delivery.ts';
import { createSweepWebhookDeliveriesActivity } from './sweep-deliveries.ts';

export function createOutgoingWebhookActivities(deps: ActivityDeps) {
  return {
    attemptWebhookDeliveries: createAttemptWebhookDeliveriesActivity(deps),
    deadWebhookDelivery: createDeadWebhookDeliveryActivity(deps),
    sweepWebhookDeliveries: createSweepWebhookDeliveriesActivity(deps),
  };
}
