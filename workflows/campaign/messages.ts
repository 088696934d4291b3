// The public face of the campaign workflow (docs/campaigns.md): its ids, input, signals, query and
// the activities' inputs and results. Zod-free: the workflow bundle imports it.
//
// The database is the truth for a campaign's status and start time: the API changes them with a
// conditional UPDATE (only a draft or a campaign not yet started can be edited; only a running
// one paused) and then signals the workflow to look again. The sending activity re-reads the
// status between small batches, so a pause or a cancel stops sending within about a second.
import { defineQuery, defineSignal } from '@temporalio/workflow';

export type CampaignWorkflowInput = {
  tenantId: string;
  campaignId: string;
  /**
   * Set by continue-as-new only: the run being sent and where it stands. A Schedule's occurrence
   * and a launch start without it.
   */
  carried?: CampaignCarried;
  /**
   * Continue-as-new once the history is this long (the server's own suggestion always counts too).
   * Tests force a tiny one; absent: CAMPAIGN_HISTORY_LIMIT.
   */
  historyLimit?: number;
  /** Recipients per page, instead of five minutes of the number's rate. Tests force small pages. */
  pageRecipients?: number;
};

/** Well under the 51,200-event cap, and short enough that a cache miss replays quickly. */
export const CAMPAIGN_HISTORY_LIMIT = 2000;

export type CampaignPhase = 'test' | 'main';

export type CampaignCarried = {
  runId: string;
  phase: CampaignPhase;
  /** The test phase's wait is over and the winner chosen. */
  winnerChosen: boolean;
  /** The A/B test's wait after its sample was sent (minutes), when there is a test phase. */
  testWaitMinutes?: number;
  /** Pages sent by the earlier runs of this workflow (the state query's count). */
  pages?: number;
};

export type CampaignWorkflowResult = { status: 'completed' | 'cancelled' | 'failed'; runId: string | null };

export type CampaignWorkflowState = {
  runId: string | null;
  status: 'waiting' | 'running' | 'testing' | 'paused' | 'completed' | 'cancelled' | 'failed';
  phase: CampaignPhase;
  pages: number;
};

/** Something about the campaign changed (paused, resumed, cancelled, new time): read it again. */
export const campaignChangedSignal = defineSignal<[]>('campaignChanged');
export const campaignStateQuery = defineQuery<CampaignWorkflowState>('campaignState');

/** A one-off campaign's workflow; a recurring campaign's occurrences get the Schedule's timestamp appended. */
export function campaignWorkflowId(campaignId: string): string {
  return `campaign-${campaignId}`;
}

export function campaignScheduleId(campaignId: string): string {
  return `campaign-schedule-${campaignId}`;
}

// ---- activities (activities/campaigns/) ----

export type PrepareRunInput = {
  tenantId: string;
  campaignId: string;
  /** workflowInfo().workflowId: one run per workflow, so a retried prepare finds its run. */
  workflowId: string;
};

/**
 * - started: the campaign was claimed (status running), the run created and its audience
 *   snapshotted into CampaignRecipient with variants and phases assigned.
 * - not-yet: its start time (the database's) is still ahead: sleep until then or a signal.
 * - refused: it cannot start (channel disconnected, template not approved, quota, empty audience);
 *   the campaign and run are failed and the creator notified with `reason`.
 * - gone: deleted, cancelled or already finished: nothing to do.
 */
export type PrepareRunResult =
  | { outcome: 'started'; runId: string; audienceSize: number; hasTestPhase: boolean; testWaitMinutes?: number }
  | { outcome: 'not-yet'; startAt: string }
  | { outcome: 'refused'; runId: string | null; reason: string }
  | { outcome: 'gone' };

export type SendPageInput = { tenantId: string; runId: string; phase: CampaignPhase; maxRecipients?: number };

/**
 * One page of sending (up to five minutes of the number's rate, or `maxRecipients`), paced to the
 * number's limit. `remaining`: pending recipients of this phase after the page. `stopped` says why
 * it ended early: the campaign was paused or cancelled, or the plan's quota was reached.
 * `nextNotBefore`: when nothing left is sendable now (quiet hours, pair-rate back-off), the
 * earliest instant one becomes sendable.
 */
export type SendPageResult = {
  sent: number;
  failed: number;
  skipped: number;
  remaining: number;
  nextNotBefore: string | null;
  stopped: null | 'paused' | 'cancelled' | 'quota';
  /**
   * The number's messaging limit is used up: nothing more is sent before this instant. Absent from
   * pages recorded before it existed.
   */
  limitedUntil?: string | null;
};

export type ChooseWinnerInput = { tenantId: string; runId: string };
/** Picks the test phase's best variant by the campaign's metric and gives it to the main phase. */
export type ChooseWinnerResult = { winnerVariantId: string };

export type FinishRunInput = {
  tenantId: string;
  runId: string;
  status: 'completed' | 'cancelled' | 'failed' | 'paused';
  reason: string | null;
};

/** The run's campaign status as the workflow sees it between pages. */
export type RunControl = { campaignStatus: string };
/**
 * `phase`: where the workflow stands, so that the run's own status follows the campaign's (paused,
 * or back to running / testing on resume) for the results page.
 */
export type RunControlInput = { tenantId: string; runId: string; phase?: CampaignPhase };
