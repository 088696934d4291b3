// One campaign run (a one-off campaign, or one occurrence of a recurring one): wait for its start
// time, claim and snapshot the audience (prepareCampaignRun), then send it page by page through
// heartbeating activities: the A/B test's sample first, the wait, the winner, then everyone else.
//
// The database is the truth for the campaign's status and start time. The API changes them and
// signals `campaignChanged`; this workflow then asks the database again (campaignRunControl). The
// sending activity re-reads the status itself every second, so a pause or cancel stops it fast.
// Between pages the workflow continues as new when its history grows, carrying the run, the phase
// and whether the winner is chosen: everything else is in the database.
import {
  ActivityFailure,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { CampaignRunActivities } from '#activities/campaigns/run-activities';
import {
  CAMPAIGN_HISTORY_LIMIT,
  campaignChangedSignal,
  campaignStateQuery,
  type CampaignCarried,
  type CampaignWorkflowInput,
  type CampaignWorkflowResult,
  type CampaignWorkflowState,
  type SendPageInput,
  type SendPageResult,
} from './messages.ts';

type SendActivities = { sendCampaignPage(input: SendPageInput): Promise<SendPageResult> };

// Preparing snapshots up to 100k contacts (heartbeating); a retry resumes the same run.
const { prepareCampaignRun } = proxyActivities<CampaignRunActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});
const bookkeeping = proxyActivities<CampaignRunActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 20 },
});
// A page paces itself to the number's limit; rate limits and hiccups back off and retry. A page
// retried after a crash resumes from the sent-ledger, never resending (send-page.ts).
const { sendCampaignPage } = proxyActivities<SendActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 12,
    nonRetryableErrorTypes: ['CampaignRunNotFound'],
  },
});

/** While paused, look at the database again this often in case a signal was lost. */
const PAUSED_RECHECK = '1 hour';
/** When a page could send nothing and gave no time to wait for. */
const IDLE_WAIT_MS = 5_000;

type Stop = { stop: 'cancelled' } | { stop: 'failed'; reason: string };

export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<CampaignWorkflowResult> {
  const { tenantId } = input;
  let changes = 0;
  const state: CampaignWorkflowState = {
    runId: input.carried?.runId ?? null,
    status: 'waiting',
    phase: input.carried?.phase ?? 'main',
    pages: input.carried?.pages ?? 0,
  };
  setHandler(campaignChangedSignal, () => {
    changes += 1;
  });
  setHandler(campaignStateQuery, () => ({ ...state }));

  const carried = input.carried ?? (await prepare());
  if ('outcome' in carried) {
    state.status = carried.outcome === 'refused' ? 'failed' : 'cancelled';
    return { status: state.status, runId: carried.runId };
  }
  state.runId = carried.runId;
  const ended = await sendRun(carried);
  return finish(carried.runId, ended);

  /** Until the run starts: the start time may move (a signal says so) or the campaign go away. */
  async function prepare(): Promise<CampaignCarried | { outcome: 'refused' | 'gone'; runId: string | null }> {
    for (;;) {
      const seen = changes;
      const prepared = await prepareCampaignRun({ tenantId, campaignId: input.campaignId, workflowId: wfId() });
      if (prepared.outcome === 'started') {
        const hasTest = prepared.hasTestPhase;
        return {
          runId: prepared.runId,
          phase: hasTest ? 'test' : 'main',
          winnerChosen: !hasTest,
          ...(hasTest && prepared.testWaitMinutes !== undefined ? { testWaitMinutes: prepared.testWaitMinutes } : {}),
        };
      }
      if (prepared.outcome !== 'not-yet') {
        return { outcome: prepared.outcome, runId: prepared.outcome === 'refused' ? prepared.runId : null };
      }
      state.status = 'waiting';
      await condition(() => changes !== seen, Math.max(1000, Date.parse(prepared.startAt) - Date.now()));
    }
  }

  async function sendRun(run: CampaignCarried): Promise<Stop | null> {
    let current = run;
    if (current.phase === 'test') {
      const stopped = (await sendPhase(current)) ?? (await waitForTestResults(current));
      if (stopped) {
        return stopped;
      }
      if (!current.winnerChosen) {
        try {
          await bookkeeping.chooseCampaignWinner({ tenantId, runId: current.runId });
        } catch (error) {
          return failure(error);
        }
      }
      current = { ...current, phase: 'main', winnerChosen: true };
    }
    return sendPhase(current);
  }

  /** Pages until nobody of this phase is left; null when done, else why it stopped. */
  async function sendPhase(run: CampaignCarried): Promise<Stop | null> {
    state.phase = run.phase;
    state.status = run.phase === 'test' ? 'testing' : 'running';
    for (;;) {
      await continueAsNewIfLong(run);
      const seen = changes;
      let page: SendPageResult;
      try {
        page = await sendCampaignPage({
          tenantId,
          runId: run.runId,
          phase: run.phase,
          ...(input.pageRecipients ? { maxRecipients: input.pageRecipients } : {}),
        });
      } catch (error) {
        return failure(error);
      }
      state.pages += 1;
      if (page.stopped === 'cancelled') {
        return { stop: 'cancelled' };
      }
      if (page.stopped === 'quota') {
        await bookkeeping.finishCampaignRun({ tenantId, runId: run.runId, status: 'paused', reason: null });
      }
      if (page.stopped !== null || changes !== seen) {
        if ((await whilePaused(run)) === 'cancelled') {
          return { stop: 'cancelled' };
        }
        continue;
      }
      if (page.remaining === 0) {
        return null;
      }
      if (page.limitedUntil || page.sent + page.failed + page.skipped === 0) {
        const until = page.limitedUntil ?? page.nextNotBefore;
        const wait = until ? Date.parse(until) - Date.now() : IDLE_WAIT_MS;
        await condition(() => changes !== seen, Math.max(1000, wait));
      }
    }
  }

  /** The A/B test's wait after its sample: a pause holds the winner back, a cancel ends it. */
  async function waitForTestResults(run: CampaignCarried): Promise<Stop | null> {
    if (run.winnerChosen) {
      return null;
    }
    state.status = 'testing';
    const until = Date.now() + (run.testWaitMinutes ?? 0) * 60_000;
    for (;;) {
      const seen = changes;
      const left = until - Date.now();
      if (left <= 0 || !(await condition(() => changes !== seen, left))) {
        return null;
      }
      if ((await whilePaused(run)) === 'cancelled') {
        return { stop: 'cancelled' };
      }
      state.status = 'testing';
    }
  }

  /** Reads the campaign's status; while it is paused, waits for the next change. */
  async function whilePaused(run: CampaignCarried): Promise<'running' | 'cancelled'> {
    for (;;) {
      const seen = changes;
      const { campaignStatus } = await bookkeeping.campaignRunControl({ tenantId, runId: run.runId, phase: run.phase });
      if (campaignStatus === 'running') {
        state.status = run.phase === 'test' ? 'testing' : 'running';
        return 'running';
      }
      if (campaignStatus !== 'paused') {
        return 'cancelled'; // cancelled, or deleted under us
      }
      state.status = 'paused';
      await condition(() => changes !== seen, PAUSED_RECHECK);
    }
  }

  async function continueAsNewIfLong(run: CampaignCarried): Promise<void> {
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > (input.historyLimit ?? CAMPAIGN_HISTORY_LIMIT)) {
      await continueAsNew<typeof campaignWorkflow>({ ...input, carried: { ...run, pages: state.pages } });
    }
  }

  async function finish(runId: string, ended: Stop | null): Promise<CampaignWorkflowResult> {
    const status = ended === null ? 'completed' : ended.stop;
    await bookkeeping.finishCampaignRun({
      tenantId,
      runId,
      status,
      reason: ended?.stop === 'failed' ? ended.reason : null,
    });
    state.status = status;
    return { status, runId };
  }
}

function wfId(): string {
  return workflowInfo().workflowId;
}

function failure(error: unknown): Stop {
  if (!(error instanceof ActivityFailure)) {
    throw error;
  }
  const reason = error.cause?.message ?? error.message;
  return { stop: 'failed', reason: `Sending stopped after repeated errors: ${reason}` };
}
