// Fans a stored event out: one WebhookDelivery per enabled subscription that wants its type (one
// statement; the (subscription, event) key makes a second dispatch insert nothing), their workflows
// started, and every listener in `eventListeners` called meanwhile.
//
// Listeners are how automation rules plug in without this module importing them: a module pushes
// its function into `eventListeners` when it is loaded (the worker and API entry points import it):
//
//   eventListeners.push((deps, event) => startAutomationsForEvent(deps, event));
//
// A listener must be idempotent per event id (the sweep dispatches again an event whose dispatch
// did not finish) and should not throw; a throw is logged and the others still run.
import type { StoredEvent } from './stored-event.ts';
import type { EventDeps } from './emit-event.ts';
import { startDeliveryWorkflows } from '../outgoing-webhooks/delivery-workflows.ts';
import { ensureWebhookSweep } from '../outgoing-webhooks/sweep-schedule.ts';

export type EventListener = (deps: EventDeps, event: StoredEvent) => Promise<void>;

export const eventListeners: EventListener[] = [];

const INSERT_DELIVERIES_SQL = `
  INSERT INTO "WebhookDelivery" (id, "tenantId", "subscriptionId", "eventId", "createdAt", "updatedAt")
  SELECT gen_random_uuid(), s."tenantId", s.id, $2, now(), now()
  FROM "WebhookSubscription" s
  WHERE s."tenantId" = $1 AND s."isEnabled" AND $3 = ANY(s."eventTypes")
  ON CONFLICT ("subscriptionId", "eventId") DO NOTHING
  RETURNING id`;

/** Never throws: failures are logged and the sweep (workflows/webhook-sweep) finishes the work. */
export async function dispatchEvent(deps: EventDeps, event: StoredEvent): Promise<void> {
  try {
    void ensureWebhookSweep(deps);
    const { rows } = await deps.pool.query<{ id: string }>(INSERT_DELIVERIES_SQL, [
      event.tenantId,
      event.id,
      event.type,
    ]);
    const deliveries = rows.map((row) => ({ tenantId: event.tenantId, deliveryId: row.id, replayCount: 0 }));
    // The deliveries wait for their batch window (delivery-workflows.ts); listeners need not.
    await Promise.all([startDeliveryWorkflows(deps, deliveries), runListeners(deps, event)]);
    await deps.pool.query(`UPDATE "TenantEvent" SET "dispatchedAt" = now() WHERE id = $1`, [event.id]);
  } catch (error) {
    deps.logger.error(
      { err: error, eventId: event.id, type: event.type },
      'event dispatch failed; the sweep will retry it',
    );
  }
}

async function runListeners(deps: EventDeps, event: StoredEvent): Promise<void> {
  for (const listener of eventListeners) {
    await listener(deps, event).catch((error: unknown) => {
      deps.logger.error({ err: error, eventId: event.id, type: event.type }, 'an event listener failed');
    });
  }
}
