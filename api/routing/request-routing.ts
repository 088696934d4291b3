// Asks for a pass over a tenant's waiting queue (route-waiting.ts). Requests that arrive while a
// pass runs share one more pass after it, so a burst of new conversations costs a few passes and
// each process keeps at most one connection waiting on the tenant's routing lock. The promise
// settles once a pass that started after the request is done; it never rejects (failures are
// logged: the periodic sweep runs the queue again).
import type { TenantDb } from '#db/tenant-db';
import { emitEvent } from '../events/emit-event.ts';
import { routeWaiting } from './route-waiting.ts';
import type { RoutedChange, RoutingServices } from './routing-deps.ts';

type TenantState = { running: boolean; include: Set<string>; waiters: Array<() => void> };

const states = new Map<string, TenantState>();
const passes = new Set<Promise<void>>();

export function requestRouting(db: TenantDb, services: RoutingServices, include: string[] = []): Promise<void> {
  let state = states.get(db.tenantId);
  if (!state) {
    state = { running: false, include: new Set(), waiters: [] };
    states.set(db.tenantId, state);
  }
  include.forEach((id) => state.include.add(id));
  const done = new Promise<void>((resolve) => state.waiters.push(resolve));
  if (!state.running) {
    const pass = run(db, services, state);
    passes.add(pass);
    void pass.finally(() => passes.delete(pass));
  }
  return done;
}

/**
 * Settles once no routing pass runs: shutdown waits for it before closing the database, or a pass
 * in flight fails on a closed connection ("Transaction not found").
 */
export async function routingIdle(): Promise<void> {
  while (passes.size > 0) {
    await Promise.all(passes);
  }
}

async function run(db: TenantDb, services: RoutingServices, state: TenantState): Promise<void> {
  state.running = true;
  while (state.waiters.length > 0) {
    const waiters = state.waiters.splice(0);
    const include = [...state.include];
    state.include.clear();
    try {
      publishChanges(db.tenantId, services, await routeWaiting(db, include));
    } catch (error) {
      services.logger.error({ err: error, tenantId: db.tenantId }, 'assignment routing failed');
    }
    waiters.forEach((resolve) => resolve());
  }
  state.running = false;
  states.delete(db.tenantId);
}

export function publishChanges(tenantId: string, services: RoutingServices, changes: RoutedChange[]): void {
  for (const { assigned, ...change } of changes) {
    services.realtime.publish(tenantId, 'conversation.updated', change);
    if (assigned) {
      void emitEvent(services, tenantId, 'conversation.assigned', { ...change, ...assigned });
    }
  }
}
