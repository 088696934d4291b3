// The event dispatcher's listener for automation rules: the tenant's enabled rules for the
// event's type (and channel) are matched on the trigger's specifics and the conditions, checked
// against their window, and each match starts an automationWorkflow whose id is rule + event, so
// the same event twice runs a rule once. Away rules fire only outside their opening hours and at
// most once per conversation per cooldown. Target: the first action runs within 2 s of the event.
import { isOpenAt } from '#flow-dsl/business-hours';
import type { EventDeps } from '../events/emit-event.ts';
import { conditionsHold, triggerMatches, type ContactFacts } from './match-rule.ts';
import {
  contactFacts,
  enabledRules,
  latestConversation,
  workspaceHours,
  type LiveRule,
  type Workspace,
} from './rule-rows.ts';
import { eventFacts, eventIds, type AutomationEvent, type EventIds } from './event-facts.ts';
import { recordSkippedRun, startAutomationRun } from './start-automation-run.ts';

export async function startAutomationsForEvent(deps: EventDeps, event: AutomationEvent): Promise<void> {
  const rules = await enabledRules(deps.pool, event.tenantId, event.type);
  if (rules.length === 0) {
    return;
  }
  const ids = eventIds(event);
  const facts = eventFacts(event);
  const candidates = rules.filter(
    (rule) => (rule.channelId === null || rule.channelId === ids.channelId) && triggerMatches(rule.trigger, facts),
  );
  if (candidates.length === 0) {
    return;
  }
  const lazy = lazyFacts(deps, event.tenantId, ids.contactId);
  const at = new Date(event.createdAt);
  for (const rule of candidates) {
    if (!conditionsHold(rule.conditions, rule.conditions.items.length > 0 ? await lazy.contact() : null)) {
      continue;
    }
    if (rule.trigger.type === 'away') {
      const workspace = await lazy.workspace();
      if (isOpenAt(rule.trigger.hours ?? workspace.businessHours, workspace.timezone, at)) {
        continue;
      }
      if (await repliedRecently(deps, rule, ids.conversationId, rule.trigger.cooldownHours)) {
        continue;
      }
    }
    const input = {
      tenantId: event.tenantId,
      ruleId: rule.id,
      ruleName: rule.name,
      triggerKey: event.id,
      triggeredAt: at.toISOString(),
      ...(await withConversation(deps, event.tenantId, ids, rule.channelId)),
      actions: rule.actions,
    };
    const workspace = rule.window ? await lazy.workspace() : null;
    if (rule.window && workspace && !isOpenAt(rule.window, workspace.timezone, at)) {
      await recordSkippedRun(deps.pool, input, `Outside the rule's window (${workspace.timezone})`);
      continue;
    }
    await startAutomationRun(deps, input);
  }
}

/** Contact-only events (updated, tagged) act on the contact's latest conversation. */
async function withConversation(deps: EventDeps, tenantId: string, ids: EventIds, channelId: string | null) {
  if (ids.conversationId || !ids.contactId) {
    return ids;
  }
  const latest = await latestConversation(deps.pool, tenantId, ids.contactId, channelId);
  return { ...ids, conversationId: latest?.conversationId ?? null, channelId: latest?.channelId ?? channelId };
}

/** Contact and workspace are read at most once per event, and only when a rule needs them. */
function lazyFacts(deps: EventDeps, tenantId: string, contactId: string | null) {
  let contact: Promise<ContactFacts | null> | undefined;
  let workspace: Promise<Workspace> | undefined;
  return {
    contact: () => (contact ??= contactId ? contactFacts(deps.pool, tenantId, contactId) : Promise.resolve(null)),
    workspace: () => (workspace ??= workspaceHours(deps.pool, tenantId)),
  };
}

async function repliedRecently(deps: EventDeps, rule: LiveRule, conversationId: string | null, hours: number) {
  if (!conversationId) {
    return false;
  }
  const { rows } = await deps.pool.query(
    `SELECT 1 FROM "AutomationRun" WHERE "ruleId" = $1 AND "conversationId" = $2
        AND status IN ('running', 'succeeded') AND "startedAt" > now() - make_interval(hours => $3) LIMIT 1`,
    [rule.id, conversationId, hours],
  );
  return rows.length > 0;
}
