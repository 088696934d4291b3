// prepareCampaignRun: claims the campaign for this workflow (status running) and creates its run,
// checks that it can be sent, snapshots the audience and deals out the variants. Idempotent per
// (campaign, workflow): a retry finds its run, resumes a snapshot where its heartbeat left it, and
// never snapshots twice; a run already sending is simply returned.
import { activityInfo, heartbeat } from '@temporalio/activity';
import { abTestSchema, audienceSchema } from '#api/campaigns/schemas';
import { AppError } from '#api/errors';
import { createTenantDb, type TenantDb } from '#db/tenant-db';
import type { PrepareRunInput, PrepareRunResult } from '#workflows/campaign/messages';
import type { ActivityDeps } from '../deps.ts';
import { refusalBeforeSnapshot, refuseRun, type RefusableCampaign } from './refuse-run.ts';
import { publishRunProgress } from './run-events.ts';
import { assignVariants, snapshotAudience, snapshotCounts } from './snapshot-audience.ts';

const SENDING = new Set(['running', 'testing', 'paused', 'waiting']);
/** A start time this close counts as now. */
const START_SLACK_MS = 1000;

export async function prepareCampaignRun(deps: ActivityDeps, input: PrepareRunInput): Promise<PrepareRunResult> {
  const db = createTenantDb(deps.prisma, input.tenantId);
  const campaign = await loadCampaign(db, input.campaignId);
  if (!campaign) {
    return { outcome: 'gone' };
  }
  const run = await db.campaignRun.findUnique({
    where: { campaignId_workflowId: { campaignId: campaign.id, workflowId: input.workflowId } },
    select: { id: true, status: true, failureReason: true, audienceSize: true, winnerVariantId: true },
  });
  if (run && SENDING.has(run.status)) {
    return started(campaign, run.id, run.audienceSize, run.winnerVariantId === null);
  }
  if (run && ['completed', 'cancelled'].includes(run.status)) {
    return { outcome: 'gone' }; // this workflow id's run is over (a Schedule fired twice in one second)
  }
  if (run?.status === 'failed' && campaign.status === 'failed') {
    return { outcome: 'refused', runId: run.id, reason: run.failureReason ?? 'It could not start.' };
  }
  let runId = run?.status === 'preparing' ? run.id : null;
  if (!runId) {
    if (!claimable(campaign).includes(campaign.status)) {
      return { outcome: 'gone' };
    }
    if (
      campaign.scheduleKind === 'once' &&
      campaign.scheduledAt &&
      campaign.scheduledAt.getTime() > Date.now() + START_SLACK_MS
    ) {
      return { outcome: 'not-yet', startAt: campaign.scheduledAt.toISOString() };
    }
    runId = await claim(db, campaign, input.workflowId);
    if (!runId) {
      return { outcome: 'gone' }; // changed under us (cancelled, paused, already taken)
    }
  }
  return startRun(deps, db, campaign, runId);
}

type Campaign = NonNullable<Awaited<ReturnType<typeof loadCampaign>>>;

function loadCampaign(db: TenantDb, campaignId: string) {
  return db.campaign.findUnique({
    where: { id: campaignId },
    select: {
      id: true,
      name: true,
      status: true,
      channelId: true,
      audience: true,
      messageKind: true,
      abTest: true,
      scheduleKind: true,
      scheduledAt: true,
      recurrence: true,
      timeZone: true,
      createdById: true,
      variants: { select: { id: true, label: true, weight: true, message: true }, orderBy: { position: 'asc' } },
      channel: { select: { name: true, status: true, statusReason: true, accessToken: true } },
    },
  });
}

/** An occurrence of a recurring campaign starts only from `scheduled`; a one-off also from a draft launched now. */
function claimable(campaign: { scheduleKind: string }): string[] {
  return campaign.scheduleKind === 'recurring' ? ['scheduled'] : ['scheduled', 'draft'];
}

/** Campaign → running and the run created (or a failed one reopened), in one transaction. */
async function claim(db: TenantDb, campaign: Campaign, workflowId: string): Promise<string | null> {
  const scheduledFor = occurrenceTime(campaign, workflowId);
  return db.transaction(async (tx) => {
    const claimed = await tx.$executeRaw`
      UPDATE "Campaign" SET status = 'running', "startedAt" = now(), "completedAt" = NULL, "failureReason" = NULL,
        "updatedAt" = now()
      WHERE id = ${campaign.id}::uuid AND "tenantId" = ${db.tenantId}::uuid AND status = ANY(${claimable(campaign)}::text[])`;
    if (claimed === 0) {
      return null;
    }
    const rows = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "CampaignRun" (id, "tenantId", "campaignId", "workflowId", status, "scheduledFor", "startedAt",
        "createdAt", "updatedAt")
      VALUES (gen_random_uuid(), ${db.tenantId}::uuid, ${campaign.id}::uuid, ${workflowId}, 'preparing',
        ${scheduledFor}::timestamp(3), now(), now(), now())
      ON CONFLICT ("campaignId", "workflowId") DO UPDATE SET status = 'preparing', "failureReason" = NULL,
        "completedAt" = NULL, "startedAt" = now(), "updatedAt" = now()
      RETURNING id::text`;
    return rows[0]!.id;
  });
}

/** A Schedule's occurrence carries its time in the workflow id (`campaign-<id>-<ISO time>`). */
function occurrenceTime(campaign: Campaign, workflowId: string): Date {
  const stamp = Date.parse(workflowId.slice(`campaign-${campaign.id}-`.length));
  if (campaign.scheduleKind === 'recurring' && Number.isFinite(stamp)) {
    return new Date(stamp);
  }
  return campaign.scheduledAt ?? new Date();
}

async function startRun(
  deps: ActivityDeps,
  db: TenantDb,
  campaign: Campaign,
  runId: string,
): Promise<PrepareRunResult> {
  const refusable: RefusableCampaign = campaign;
  const before = await refusalBeforeSnapshot(db, campaign);
  if (before) {
    return refuseRun(deps, db, refusable, runId, before);
  }
  const audience = audienceSchema.parse(campaign.audience);
  const messageKind = campaign.messageKind === 'text' ? 'text' : 'template';
  const target = { db, runId, channelId: campaign.channelId, messageKind, audience } as const;
  const resumeAfter = (activityInfo().heartbeatDetails as { after?: string } | undefined)?.after;
  try {
    await snapshotAudience(target, {
      ...(resumeAfter ? { after: resumeAfter } : {}),
      progress: (after) => heartbeat({ after }),
    });
  } catch (error) {
    if (error instanceof AppError) {
      return refuseRun(deps, db, refusable, runId, audienceRefusal(error));
    }
    throw error;
  }
  const counts = await snapshotCounts(db, runId);
  if (counts.eligible === 0) {
    return refuseRun(deps, db, refusable, runId, emptyAudienceReason(counts.matched, counts.reasons));
  }
  const abTest = abTestSchema.nullable().parse(campaign.abTest ?? null);
  const testCount = await assignVariants(db, runId, campaign.variants, abTest?.samplePercent ?? null);
  await db.campaignRun.update({
    where: { id: runId },
    data: {
      status: testCount > 0 ? 'testing' : 'running',
      audienceSize: counts.matched,
      skippedCount: counts.matched - counts.eligible,
    },
  });
  await publishRunProgress(deps, db, runId);
  return started(campaign, runId, counts.matched, testCount > 0);
}

function started(campaign: Campaign, runId: string, audienceSize: number, mayTest: boolean): PrepareRunResult {
  const abTest = abTestSchema.nullable().safeParse(campaign.abTest ?? null);
  const test = mayTest && abTest.success ? abTest.data : null;
  return {
    outcome: 'started',
    runId,
    audienceSize,
    hasTestPhase: test !== null,
    ...(test ? { testWaitMinutes: test.waitMinutes } : {}),
  };
}

const SKIP_WORDS: Record<string, string> = {
  opted_out: 'opted out of marketing',
  not_opted_in: 'never opted in to marketing',
  outside_window: 'outside the 24-hour window (a text can only go to contacts who wrote in the last 24 hours)',
};

function emptyAudienceReason(matched: number, reasons: Record<string, number>): string {
  if (matched === 0) {
    return 'The audience is empty: no contact matches its segments, groups or tags';
  }
  const why = Object.entries(reasons)
    .map(([reason, count]) => `${count} ${SKIP_WORDS[reason] ?? reason}`)
    .join(', ');
  return `No one in the audience can receive it: of ${matched} contacts, ${why}`;
}

/** The audience names a segment or group that was deleted since, or a segment no longer compiles. */
function audienceRefusal(error: AppError): string {
  const field = error.details?.fields?.[0]?.field ?? '';
  if (field.includes('.segmentIds.') && !field.endsWith('.segmentIds')) {
    return field.split('.').length > 4
      ? `A segment of the audience no longer fits the workspace (${error.message}): edit the segment`
      : 'A segment of the audience was deleted: choose the audience again';
  }
  if (field.includes('.groupIds.')) {
    return 'A contact group of the audience was deleted: choose the audience again';
  }
  return `The audience no longer fits the workspace: ${error.message}`;
}
