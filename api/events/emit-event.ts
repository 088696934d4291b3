// Publishing an event (api/events/schemas.ts) from wherever it happened: an API operation, the
// inbound webhook pipeline or an activity. Fire-and-forget for the caller: it never throws and
// never delays the caller's own work beyond one cheap check (docs/webhooks.md).
//
// The check is the tenant's interest (event-interest.ts: the types its enabled webhook
// subscriptions and automation rules want), read from a per-process cache; only a wanted event is
// validated, recorded (TenantEvent) and dispatched (dispatch-event.ts).
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type pg from 'pg';
import type { Env } from '#lib/env';
import type { Logger } from '#lib/logger';
import { dispatchEvent } from './dispatch-event.ts';
import { eventInterest } from './event-interest.ts';
import { eventPayloadSchemas, type EventPayload, type EventType } from './schemas.ts';
import type { StoredEvent } from './stored-event.ts';

/** What publishing needs; the API's `services` and the activities' deps both fit (no unscoped Prisma). */
export type EventDeps = { pool: pg.Pool; temporal: Client; logger: Logger; env: Env };

/**
 * Records the event when a webhook subscription or an enabled automation rule of the tenant
 * wants its type, then starts the deliveries and automations for it.
 */
export async function emitEvent<T extends EventType>(
  deps: EventDeps,
  tenantId: string,
  type: T,
  payload: EventPayload<T>,
): Promise<void> {
  try {
    const interest = eventInterest(deps.pool, tenantId);
    const wanted = interest instanceof Promise ? await interest : interest;
    if (!wanted.has(type)) {
      return;
    }
    await recordAndDispatch(deps, tenantId, type, payload);
  } catch (error) {
    deps.logger.error({ err: error, tenantId, type }, 'an event could not be recorded');
  }
}

/** Validates, records and dispatches one event; returns it, or null when its payload is invalid. */
export async function recordAndDispatch<T extends EventType>(
  deps: EventDeps,
  tenantId: string,
  type: T,
  payload: EventPayload<T>,
): Promise<StoredEvent | null> {
  const parsed = eventPayloadSchemas[type].safeParse(payload);
  if (!parsed.success) {
    deps.logger.error({ tenantId, type, issues: parsed.error.issues }, 'an event with an invalid payload was dropped');
    return null;
  }
  const event: StoredEvent = {
    id: randomUUID(),
    tenantId,
    type,
    payload: parsed.data as Record<string, unknown>,
    createdAt: new Date(),
  };
  await deps.pool.query(
    `INSERT INTO "TenantEvent" (id, "tenantId", type, payload, "createdAt") VALUES ($1, $2, $3, $4, $5)`,
    [event.id, tenantId, type, JSON.stringify(event.payload), event.createdAt],
  );
  await dispatchEvent(deps, event);
  return event;
}
