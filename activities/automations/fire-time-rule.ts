// One occurrence of a time-based rule (its Schedule started automationScheduleWorkflow):
// - `date_field`: the contacts whose date field is `offsetDays` away from today (workspace zone),
//   each with triggerKey `<today>:<contactId>`, so a contact gets it once per occurrence even if
//   the Schedule fires twice;
// - `schedule` (cron): once without a contact when the rule has no conditions, else once per
//   contact matching them, keyed `<occurrence minute>:<contactId>`.
// Conditions and the window apply as for event rules. At most MAX_CONTACTS contacts per occurrence.
import { isOpenAt } from '#flow-dsl/business-hours';
import { conditionsHold } from '#api/automations/match-rule';
import { enabledRulesById, timeRuleContacts } from '#api/automations/time-rule-contacts';
import { latestConversation, workspaceHours } from '#api/automations/rule-rows';
import { recordSkippedRun, startAutomationRun } from '#api/automations/start-automation-run';
import type { AutomationRunInput } from '#workflows/automation/messages';
import type { ActivityDeps } from '../deps.ts';

export type FireTimeRuleInput = { tenantId: string; ruleId: string; firedAt: string };

export function createFireTimeRuleActivity(deps: ActivityDeps) {
  return async function fireTimeRule(input: FireTimeRuleInput): Promise<{ started: number; skipped: number }> {
    const rule = await enabledRulesById(deps.pool, input.tenantId, input.ruleId);
    if (!rule || (rule.trigger.type !== 'schedule' && rule.trigger.type !== 'date_field')) {
      return { started: 0, skipped: 0 }; // disabled or changed since the Schedule fired
    }
    const workspace = await workspaceHours(deps.pool, input.tenantId);
    const firedAt = new Date(input.firedAt);
    const occurrence = rule.trigger.type === 'date_field' ? localDate(firedAt, workspace.timezone) : minuteOf(firedAt);
    const base = { tenantId: input.tenantId, ruleId: rule.id, ruleName: rule.name, triggeredAt: firedAt.toISOString() };
    const outside = rule.window !== null && !isOpenAt(rule.window, workspace.timezone, firedAt);
    const runs: AutomationRunInput[] = [];
    if (rule.trigger.type === 'schedule' && rule.conditions.items.length === 0) {
      runs.push({
        ...base,
        triggerKey: occurrence,
        contactId: null,
        conversationId: null,
        channelId: rule.channelId,
        actions: rule.actions,
      });
    } else {
      const contacts = await timeRuleContacts(deps.pool, input.tenantId, rule, occurrence);
      for (const contact of contacts.filter((c) => conditionsHold(rule.conditions, c))) {
        const conversation = await latestConversation(deps.pool, input.tenantId, contact.id, rule.channelId);
        runs.push({
          ...base,
          triggerKey: `${occurrence}:${contact.id}`,
          contactId: contact.id,
          conversationId: conversation?.conversationId ?? null,
          channelId: conversation?.channelId ?? rule.channelId,
          actions: rule.actions,
        });
      }
    }
    for (const run of runs) {
      await (outside
        ? recordSkippedRun(deps.pool, run, `Outside the rule's window (${workspace.timezone})`)
        : startAutomationRun(deps, run));
    }
    return { started: outside ? 0 : runs.length, skipped: outside ? runs.length : 0 };
  };
}

function localDate(date: Date, timezone: string): string {
  // en-CA formats as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

function minuteOf(date: Date): string {
  return date.toISOString().slice(0, 16);
}
