// The tenant's active flows and their triggers, as routing tries them: read once per tenant and
// kept briefly, because every inbound message needs them. Publish, activate, deactivate, rollback
// and delete invalidate the tenant's entry in this process; other API processes see the change
// within TTL_MS.
import { triggerSchema, type Trigger } from '#flow-dsl/triggers';
import type { TenantDb } from '#db/tenant-db';

export type ActiveTrigger = { flowId: string; versionId: string; trigger: Exclude<Trigger, { type: 'manual' }> };

const TTL_MS = 10_000;
const cache = new Map<string, { at: number; triggers: Promise<ActiveTrigger[]> }>();

// Equal priority: a keyword is the customer asking for something, so it wins over the catch-alls.
const TYPE_RANK: Record<ActiveTrigger['trigger']['type'], number> = {
  keyword: 0,
  new_conversation: 1,
  outside_business_hours: 2,
};

export function activeTriggers(db: TenantDb): Promise<ActiveTrigger[]> {
  const hit = cache.get(db.tenantId);
  if (hit && Date.now() - hit.at < TTL_MS) {
    return hit.triggers;
  }
  const triggers = loadActiveTriggers(db);
  cache.set(db.tenantId, { at: Date.now(), triggers });
  triggers.catch(() => cache.delete(db.tenantId));
  return triggers;
}

export function invalidateFlowTriggers(tenantId: string): void {
  cache.delete(tenantId);
}

/** Higher priority first; then keyword, new conversation, outside hours; then the oldest flow. */
async function loadActiveTriggers(db: TenantDb): Promise<ActiveTrigger[]> {
  const flows = await db.flow.findMany({
    where: { isActive: true, activeVersionId: { not: null } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, activeVersionId: true, trigger: true },
  });
  const triggers: ActiveTrigger[] = [];
  for (const flow of flows) {
    const parsed = triggerSchema.safeParse(flow.trigger);
    if (parsed.success && parsed.data.type !== 'manual' && flow.activeVersionId) {
      triggers.push({ flowId: flow.id, versionId: flow.activeVersionId, trigger: parsed.data });
    }
  }
  // Array.prototype.sort is stable, so flows of equal rank keep their creation order.
  return triggers.sort(
    (a, b) => b.trigger.priority - a.trigger.priority || TYPE_RANK[a.trigger.type] - TYPE_RANK[b.trigger.type],
  );
}
