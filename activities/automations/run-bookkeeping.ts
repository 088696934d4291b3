// The AutomationRun row of a run: opened once per (rule, trigger) (the unique key is the long-term
// dedupe, past Temporal's retention), then closed with its status, outcome per action and error.
// Plain SQL on the pool with the tenant in every WHERE, like the other hot paths.
import type { AutomationRunOutcome } from '#api/automations/schemas';
import type { AutomationRunInput } from '#workflows/automation/messages';
import type { ActivityDeps } from '../deps.ts';

export type BegunRun = { runId: string; isNew: boolean };

export type FinishRunInput = {
  tenantId: string;
  runId: string;
  status: 'succeeded' | 'failed';
  outcome: AutomationRunOutcome;
  error: string | null;
};

export function createRunBookkeepingActivities(deps: ActivityDeps) {
  return {
    async beginAutomationRun(input: AutomationRunInput): Promise<BegunRun> {
      const inserted = await deps.pool.query<{ id: string }>(
        `INSERT INTO "AutomationRun" (id, "tenantId", "ruleId", "triggerKey", status, "contactId", "conversationId", "triggeredAt")
         SELECT gen_random_uuid(), $1, r.id, $3, 'running', $4, $5, $6
           FROM "AutomationRule" r WHERE r.id = $2 AND r."tenantId" = $1
         ON CONFLICT ("ruleId", "triggerKey") DO NOTHING
         RETURNING id`,
        [input.tenantId, input.ruleId, input.triggerKey, input.contactId, input.conversationId, input.triggeredAt],
      );
      await deps.pool.query('UPDATE "AutomationRule" SET "lastRunAt" = now() WHERE id = $1 AND "tenantId" = $2', [
        input.ruleId,
        input.tenantId,
      ]);
      if (inserted.rows[0]) {
        return { runId: inserted.rows[0].id, isNew: true };
      }
      // Already there: this activity's own earlier attempt (still running: carry on) or an
      // earlier run for the same trigger (finished: a duplicate). No row: the rule was deleted.
      const existing = await deps.pool.query<{ id: string; status: string }>(
        'SELECT id, status FROM "AutomationRun" WHERE "tenantId" = $1 AND "ruleId" = $2 AND "triggerKey" = $3',
        [input.tenantId, input.ruleId, input.triggerKey],
      );
      const row = existing.rows[0];
      return row ? { runId: row.id, isNew: row.status === 'running' } : { runId: '', isNew: false };
    },

    async finishAutomationRun(input: FinishRunInput): Promise<void> {
      await deps.pool.query(
        `UPDATE "AutomationRun" SET status = $3, outcome = $4, error = $5, "finishedAt" = now()
          WHERE id = $2 AND "tenantId" = $1`,
        [input.tenantId, input.runId, input.status, JSON.stringify(input.outcome), input.error],
      );
    },
  };
}
