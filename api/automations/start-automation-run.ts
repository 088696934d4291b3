// Starting a rule's run, from the event dispatcher or a time rule's scheduled pass. The workflow
// id is the rule and the trigger, so the same event twice starts one run; a skipped run (outside
// the rule's window) is only logged, with the same unique key.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type pg from 'pg';
import type { Env } from '#lib/env';
import { automationWorkflowId, type AutomationRunInput } from '#workflows/automation/messages';
import { eagerStartOption } from '../temporal-client.ts';

export const AUTOMATION_WORKFLOW = 'automationWorkflow';

export async function startAutomationRun(
  services: { temporal: Client; env: Env },
  input: AutomationRunInput,
): Promise<void> {
  try {
    await services.temporal.workflow.start(AUTOMATION_WORKFLOW, {
      taskQueue: services.env.TEMPORAL_TASK_QUEUE,
      workflowId: automationWorkflowId(input.tenantId, input.ruleId, input.triggerKey),
      args: [input],
      workflowExecutionTimeout: '1 hour',
      ...eagerStartOption(services.temporal),
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
      throw error;
    }
  }
}

export async function recordSkippedRun(pool: pg.Pool, input: AutomationRunInput, reason: string): Promise<void> {
  await pool.query(
    `INSERT INTO "AutomationRun" (id, "tenantId", "ruleId", "triggerKey", status, "contactId", "conversationId",
                                  outcome, error, "triggeredAt", "finishedAt")
     SELECT gen_random_uuid(), $1, r.id, $3, 'skipped', $4, $5, $6, $7, $8, now()
       FROM "AutomationRule" r WHERE r.id = $2 AND r."tenantId" = $1
     ON CONFLICT ("ruleId", "triggerKey") DO NOTHING`,
    [
      input.tenantId,
      input.ruleId,
      input.triggerKey,
      input.contactId,
      input.conversationId,
      JSON.stringify(input.actions.map((action) => ({ action: action.type, status: 'not_run', detail: null }))),
      reason,
      input.triggeredAt,
    ],
  );
}
