// The automation workflow's public API: its input (what the dispatcher or the time-rule pass
// knew when the rule fired) and its id, derived from the rule and the trigger so that the same
// event or occurrence starts a rule at most once (the AutomationRun's unique key backs it up
// after Temporal forgets closed workflows).

export type AutomationRunInput = {
  tenantId: string;
  ruleId: string;
  ruleName: string;
  /** Event id, or `<occurrence>:<contactId>` for time-based rules. */
  triggerKey: string;
  /** ISO time of the triggering event, to measure trigger-to-action latency. */
  triggeredAt: string;
  contactId: string | null;
  conversationId: string | null;
  channelId: string | null;
  /**
   * The rule's actions when it fired (api/automations/action-schemas.ts, parsed again by the
   * activity): editing the rule does not change a run in progress.
   */
  actions: AutomationActionData[];
};

/** An action as the workflow carries it: only its type matters here. */
export type AutomationActionData = { type: string } & Record<string, unknown>;

/** What each action did, in order (api/automations/schemas.ts automationRunOutcomeSchema). */
export type RunOutcome = Array<{ action: string; status: 'succeeded' | 'failed' | 'not_run'; detail: string | null }>;

export type AutomationRunResult = { status: 'succeeded' | 'failed' | 'duplicate'; error: string | null };

export function automationWorkflowId(tenantId: string, ruleId: string, triggerKey: string): string {
  return `automation:${tenantId}:${ruleId}:${triggerKey}`;
}

export type AutomationScheduleInput = { tenantId: string; ruleId: string };
