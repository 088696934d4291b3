// One run of an automation rule: records the AutomationRun (running), runs the actions in order
// through activities, then records the outcome per action and the run's status. A failing action
// stops the run: later actions often rely on earlier ones (tag, then assign, then message), and a
// half-done run is easier to read in the log than one that skipped a step and went on. Its
// remaining actions are logged as not_run.
import { ActivityFailure, ApplicationFailure, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '#activities/index';
import type { AutomationRunInput, AutomationRunResult, RunOutcome } from './messages.ts';

// Local activities: a run is a few short calls, and each regular activity would cost two more
// round trips through the Temporal server (scheduled, started, completed), which on a busy dev
// server is most of the 2 s budget. Their results are still recorded in the workflow's history.
const bookkeeping = proxyLocalActivities<Activities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '10 seconds', maximumAttempts: 10 },
});
// Actions retry transient failures (WhatsApp hiccups, a webhook's 503) a few times; bad input
// (a missing contact, a refused template, a 4xx) is non-retryable and fails the run at once.
const { runAutomationAction } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '500 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    maximumAttempts: 5,
  },
});

export async function automationWorkflow(input: AutomationRunInput): Promise<AutomationRunResult> {
  const run = await bookkeeping.beginAutomationRun(input);
  if (!run.isNew) {
    return { status: 'duplicate', error: null };
  }
  const outcome: RunOutcome = input.actions.map((action) => ({
    action: action.type,
    status: 'not_run',
    detail: null,
  }));
  let error: string | null = null;
  for (const [seq, action] of input.actions.entries()) {
    const entry = outcome[seq] as RunOutcome[number];
    try {
      entry.detail = await runAutomationAction({ ...input, runId: run.runId, seq, action });
      entry.status = 'succeeded';
    } catch (failure) {
      const message = failureMessage(failure);
      entry.status = 'failed';
      entry.detail = message;
      error = `${action.type}: ${message}`;
      break;
    }
  }
  const status = error === null ? 'succeeded' : 'failed';
  await bookkeeping.finishAutomationRun({ tenantId: input.tenantId, runId: run.runId, status, outcome, error });
  return { status, error };
}

function failureMessage(failure: unknown): string {
  const cause = failure instanceof ActivityFailure ? failure.cause : failure;
  if (cause instanceof ApplicationFailure || cause instanceof Error) {
    return cause.message;
  }
  return String(cause);
}
