// The webhook sweep, across tenants: events recorded but not dispatched (the process died, the
// database or Temporal failed mid-way) are dispatched again, and deliveries whose workflow was
// never started are started. Only rows older than a grace period: younger ones are still being
// dispatched by the process that recorded them.
import { dispatchEvent } from '#api/events/dispatch-event';
import type { StoredEvent } from '#api/events/stored-event';
import { startDeliveryWorkflows } from '#api/outgoing-webhooks/delivery-workflows';
import type { ActivityDeps } from '../deps.ts';

const GRACE = "interval '30 seconds'";
const BATCH = 500;

export function createSweepWebhookDeliveriesActivity(deps: ActivityDeps) {
  return async function sweepWebhookDeliveries(): Promise<{ events: number; deliveries: number }> {
    const events = await deps.pool.query<StoredEvent>(
      `SELECT id, "tenantId", type, payload, "createdAt" FROM "TenantEvent"
       WHERE "dispatchedAt" IS NULL AND "createdAt" < now() - ${GRACE}
       ORDER BY "createdAt" LIMIT ${BATCH}`,
    );
    for (const event of events.rows) {
      await dispatchEvent(deps, event);
    }
    const deliveries = await deps.pool.query<{ tenantId: string; id: string; replayCount: number }>(
      `SELECT "tenantId", id, "replayCount" FROM "WebhookDelivery"
       WHERE "workflowStartedAt" IS NULL AND status IN ('pending', 'delivering') AND "updatedAt" < now() - ${GRACE}
       ORDER BY "createdAt" LIMIT ${BATCH}`,
    );
    const inputs = deliveries.rows.map((d) => ({ tenantId: d.tenantId, deliveryId: d.id, replayCount: d.replayCount }));
    await startDeliveryWorkflows(deps, inputs);
    if (events.rows.length + inputs.length > 0) {
      deps.logger.info({ events: events.rows.length, deliveries: inputs.length }, 'webhook sweep restarted work');
    }
    return { events: events.rows.length, deliveries: inputs.length };
  };
}
