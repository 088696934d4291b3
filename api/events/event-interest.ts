// Which event types a tenant wants: those of its enabled webhook subscriptions and enabled
// automation rules. emitEvent asks on every event (thousands a second during campaigns), so the
// answer is cached per process for a short TTL and read from memory; concurrent misses share one
// query. The subscription and rule routes call invalidateEventInterest after a change so this
// process sees it at once; other processes see it within the TTL.
import type pg from 'pg';

const TTL_MS = 2_000;

type Entry = { types: ReadonlySet<string>; expiresAt: number } | { pending: Promise<ReadonlySet<string>> };

/** Keyed by tenant id (uuids: unique across the databases tests run side by side in one process). */
const cache = new Map<string, Entry>();

const INTEREST_SQL = `
  SELECT DISTINCT unnest("eventTypes") AS type FROM "WebhookSubscription" WHERE "tenantId" = $1 AND "isEnabled"
  UNION
  SELECT "eventType" FROM "AutomationRule" WHERE "tenantId" = $1 AND "isEnabled"`;

/** The types wanted right now, from memory when fresh (the common case costs a Map lookup). */
export function eventInterest(pool: pg.Pool, tenantId: string): ReadonlySet<string> | Promise<ReadonlySet<string>> {
  const entry = cache.get(tenantId);
  if (entry && 'pending' in entry) {
    return entry.pending;
  }
  if (entry && entry.expiresAt > Date.now()) {
    return entry.types;
  }
  const pending = pool
    .query<{ type: string }>(INTEREST_SQL, [tenantId])
    .then(({ rows }) => {
      const types = new Set(rows.map((row) => row.type));
      if (cache.get(tenantId) === current) {
        cache.set(tenantId, { types, expiresAt: Date.now() + TTL_MS });
      }
      return types;
    })
    .catch((error: unknown) => {
      cache.delete(tenantId);
      throw error;
    });
  const current: Entry = { pending };
  cache.set(tenantId, current);
  return pending;
}

/** Forget a tenant's interest after its subscriptions or rules changed (this process only). */
export function invalidateEventInterest(tenantId: string): void {
  cache.delete(tenantId);
}
