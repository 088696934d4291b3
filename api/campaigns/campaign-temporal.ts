// How the API reaches a campaign's workflows. A one-off campaign has one workflow
// (campaignWorkflowId); a recurring one has a Temporal Schedule (campaignScheduleId) that starts
// one workflow per occurrence, its id the campaign's workflow id plus the occurrence's time. The
// database holds the campaign's status and start time: the API changes them first, then signals
// the workflows to read them again (workflows/campaign/workflow.ts).
import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  WorkflowNotFoundError,
  type Client,
  type ScheduleOptionsAction,
  type ScheduleSpec,
} from '@temporalio/client';
import type { Env } from '#lib/env';
import {
  campaignChangedSignal,
  campaignScheduleId,
  campaignWorkflowId,
  type CampaignWorkflowInput,
} from '#workflows/campaign/messages';
import type { campaignWorkflow } from '#workflows/campaign/workflow';
import { AppError } from '../errors.ts';
import { recurrenceBounds, recurrenceCalendars, recurrenceOf } from './recurrence-spec.ts';

type TaskQueueEnv = Pick<Env, 'TEMPORAL_TASK_QUEUE'>;
type CampaignIds = { tenantId: string; campaignId: string };

/**
 * Starts the one-off campaign's workflow (it waits for a scheduled time itself). Idempotent: a
 * workflow already running for it is kept; one that has ended is started again, and finds its run.
 */
export async function startCampaignWorkflow(temporal: Client, env: TaskQueueEnv, ids: CampaignIds): Promise<void> {
  const input: CampaignWorkflowInput = { tenantId: ids.tenantId, campaignId: ids.campaignId };
  await temporal.workflow.start<typeof campaignWorkflow>('campaignWorkflow', {
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    workflowId: campaignWorkflowId(ids.campaignId),
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}

/**
 * Tells the campaign's workflows to read the campaign again (paused, resumed, cancelled, a new
 * time): the one-off workflow, and a recurring campaign's occurrence running now. Returns how many
 * workflows it reached; none running is fine.
 */
export async function signalCampaignChanged(
  temporal: Client,
  campaign: { id: string; scheduleKind: string },
): Promise<number> {
  const workflowIds =
    campaign.scheduleKind === 'recurring'
      ? await runningOccurrences(temporal, campaign.id)
      : [campaignWorkflowId(campaign.id)];
  let reached = 0;
  for (const workflowId of workflowIds) {
    try {
      await temporal.workflow.getHandle(workflowId).signal(campaignChangedSignal);
      reached += 1;
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) {
        throw error;
      }
    }
  }
  return reached;
}

/** The workflow ids of the recurring campaign's occurrences running now (the Schedule knows them). */
export async function runningOccurrences(temporal: Client, campaignId: string): Promise<string[]> {
  try {
    const schedule = await temporal.schedule.getHandle(campaignScheduleId(campaignId)).describe();
    return schedule.info.runningActions.map((action) => action.workflow.workflowId);
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) {
      return [];
    }
    throw error;
  }
}

export type RecurringCampaign = {
  id: string;
  tenantId: string;
  timeZone: string;
  /** Campaign.recurrence: the recurring schedule as stored. */
  recurrence: unknown;
};

/** Test hook: occurrences every `every` (a Temporal duration) instead of the calendar. */
export type RecurringScheduleOptions = { every?: string };

/**
 * Creates the recurring campaign's Schedule, or replaces its timing and unpauses it: one
 * occurrence per calendar match in the campaign's time zone between its first and last day. An
 * occurrence still running when the next is due makes the next one skip; a missed one (server or
 * worker down) is caught up only within a minute.
 */
export async function upsertRecurringSchedule(
  temporal: Client,
  env: TaskQueueEnv,
  campaign: RecurringCampaign,
  options: RecurringScheduleOptions = {},
): Promise<void> {
  const recurrence = recurrenceOf(campaign);
  if (!recurrence) {
    throw AppError.field('schedule', 'is not a recurring schedule', 'UNPROCESSABLE');
  }
  const { startAt, endAt } = recurrenceBounds(recurrence);
  const spec: ScheduleSpec = options.every
    ? { intervals: [{ every: options.every }], startAt, endAt }
    : { calendars: recurrenceCalendars(recurrence), timezone: recurrence.timeZone, startAt, endAt };
  const input: CampaignWorkflowInput = { tenantId: campaign.tenantId, campaignId: campaign.id };
  const action: ScheduleOptionsAction = {
    type: 'startWorkflow',
    workflowType: 'campaignWorkflow',
    args: [input],
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    workflowId: campaignWorkflowId(campaign.id),
  };
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' };
  const scheduleId = campaignScheduleId(campaign.id);
  try {
    await temporal.schedule.create({ scheduleId, spec, action, policies, state: { paused: false } });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) {
      throw error;
    }
    await temporal.schedule.getHandle(scheduleId).update((previous) => ({
      ...previous,
      spec,
      action,
      policies: { ...previous.policies, ...policies },
      state: { ...previous.state, paused: false },
    }));
  }
}

/** Stops further occurrences until resumed (an occurrence already running is signalled separately). */
export async function pauseRecurringSchedule(temporal: Client, campaignId: string, note = 'paused'): Promise<void> {
  await ignoringMissing(() => temporal.schedule.getHandle(campaignScheduleId(campaignId)).pause(note));
}

export async function resumeRecurringSchedule(temporal: Client, campaignId: string, note = 'resumed'): Promise<void> {
  await ignoringMissing(() => temporal.schedule.getHandle(campaignScheduleId(campaignId)).unpause(note));
}

/** Removes the Schedule (cancelled or deleted campaign); gone already is fine. */
export async function deleteRecurringSchedule(temporal: Client, campaignId: string): Promise<void> {
  await ignoringMissing(() => temporal.schedule.getHandle(campaignScheduleId(campaignId)).delete());
}

/** The Schedule's next start times as Temporal computes them (empty without a Schedule, or paused). */
export async function nextOccurrences(temporal: Client, campaignId: string): Promise<Date[]> {
  try {
    const schedule = await temporal.schedule.getHandle(campaignScheduleId(campaignId)).describe();
    return schedule.state.paused ? [] : schedule.info.nextActionTimes;
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) {
      return [];
    }
    throw error;
  }
}

async function ignoringMissing(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) {
      throw error;
    }
  }
}
