// Publishing an event (api/events/schemas.ts) from wherever it happened: an API operation, the
// inbound webhook pipeline or an activity. Fire-and-forget for the caller: it never throws and
// never delays the caller's own work beyond one cheap check (docs/webhooks.md).
import type { Client } from '@temporalio/client';
import type pg from 'pg';
import type { Env } from '#lib/env';
import type { Logger } from '#lib/logger';
import { eventPayloadSchemas, type EventPayload, type EventType } from './schemas.ts';

/**
 * No unscoped Prisma client: operations only hold `ctx.services` (api/context.ts Services), so
 * the interest check and the TenantEvent insert go through the pool.
 */
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
  const parsed = eventPayloadSchemas[type].safeParse(payload);
  if (!parsed.success) {
    deps.logger.error({ tenantId, type, issues: parsed.error.issues }, 'an event with an invalid payload was dropped');
  }
  // Written by the outgoing-webhooks work: interest check, TenantEvent row, dispatch.
}
