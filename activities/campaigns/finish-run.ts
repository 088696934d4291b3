// finishCampaignRun: the run's end (or its pause on the plan's quota) written to the run and the
// campaign, its counters recounted from the sent-ledger so they are exact, and pushed live.
// - completed: the campaign is completed, or scheduled again when it recurs after today;
// - cancelled: recipients still pending are skipped as `cancelled`;
// - failed: the reason on both, and the creator is told;
// - paused: the plan's quota ran out mid-way; the creator is told, and a resume carries on.
// A recipient still `sending` holds the finish back until its send settles (campaign-ledger-sql.ts:
// a lost answer becomes `outcome_unknown`, never resent). Idempotent.
import { ApplicationFailure } from '@temporalio/activity';
import { recurrenceOf, recursAfter } from '#api/campaigns/recurrence-spec';
import { emitEvent } from '#api/events/emit-event';
import { createTenantDb, type TenantDb } from '#db/tenant-db';
import type { FinishRunInput } from '#workflows/campaign/messages';
import type { ActivityDeps } from '../deps.ts';
import { settleStuckSending } from './campaign-ledger-sql.ts';
import { CAMPAIGN_FAILED_KIND, CAMPAIGN_PAUSED_KIND, notifyCampaignOwner, publishRunProgress } from './run-events.ts';

export const QUOTA_REACHED_REASON =
  'Quota reached: the plan’s message limit ran out, so sending paused. Resume it once the quota allows (the daily limit resets at midnight UTC) or after the limit is raised.';

export async function finishCampaignRun(deps: ActivityDeps, input: FinishRunInput): Promise<void> {
  const db = createTenantDb(deps.prisma, input.tenantId);
  const run = await db.campaignRun.findUnique({
    where: { id: input.runId },
    select: {
      status: true,
      campaign: {
        select: {
          id: true,
          name: true,
          status: true,
          createdById: true,
          scheduleKind: true,
          recurrence: true,
          timeZone: true,
        },
      },
    },
  });
  if (!run) {
    throw ApplicationFailure.nonRetryable(`Campaign run ${input.runId} not found`, 'RunNotFound');
  }
  const { campaign } = run;
  const reason = input.status === 'paused' ? QUOTA_REACHED_REASON : input.reason;
  const final = input.status !== 'paused';
  if (final) {
    await settleInFlight(deps, input);
  }
  await db.transaction(async (tx) => {
    const where = { runId: input.runId, tenantId: db.tenantId };
    if (input.status === 'cancelled') {
      // A recipient put back to pending may have its message prepared (queued, never handed to
      // WhatsApp): it goes, or the inbox would show a message that will never be sent.
      await tx.$executeRaw`
        DELETE FROM "Message" m USING "CampaignRecipient" r
        WHERE r."runId" = ${input.runId}::uuid AND r."tenantId" = ${db.tenantId}::uuid AND r.status = 'pending'
          AND m.id = r."messageId" AND m."tenantId" = ${db.tenantId}::uuid AND m.status = 'queued'
          AND m."providerMessageId" IS NULL`;
      await tx.campaignRecipient.updateMany({
        where: { ...where, status: 'pending' },
        data: { status: 'skipped', reason: 'cancelled', messageId: null },
      });
    }
    await tx.$executeRaw`
      UPDATE "CampaignRun" run SET status = ${input.status}, "failureReason" = ${reason},
        "completedAt" = ${final ? new Date() : null}::timestamp(3), "updatedAt" = now(),
        "sentCount" = c.sent, "failedCount" = c.failed, "skippedCount" = c.skipped
      FROM (SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              count(*) FILTER (WHERE status = 'skipped')::int AS skipped
            FROM "CampaignRecipient" WHERE "runId" = ${input.runId}::uuid AND "tenantId" = ${db.tenantId}::uuid) c
      WHERE run.id = ${input.runId}::uuid AND run."tenantId" = ${db.tenantId}::uuid`;
    await tx.campaign.updateMany({
      where: { id: campaign.id, tenantId: db.tenantId, status: { in: ['running', 'paused', 'cancelled'] } },
      data: campaignUpdate(input.status, campaign, reason),
    });
  });
  await publishRunProgress(deps, db, input.runId);
  await tell(deps, db, campaign, input.status, reason);
  if (final && run.status !== input.status) {
    // A retry of a finish already written says nothing again.
    await emitFinished(deps, input, campaign);
  }
}

/** campaign.finished with the run's recipients counted by status (sent, failed, skipped, ...). */
async function emitFinished(deps: ActivityDeps, input: FinishRunInput, campaign: { id: string; name: string }) {
  const { rows } = await deps.pool.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM "CampaignRecipient" WHERE "tenantId" = $1 AND "runId" = $2 GROUP BY status`,
    [input.tenantId, input.runId],
  );
  void emitEvent(deps, input.tenantId, 'campaign.finished', {
    campaignId: campaign.id,
    runId: input.runId,
    name: campaign.name,
    status: input.status,
    counts: Object.fromEntries(rows.map((row) => [row.status, row.n])),
  });
}

/**
 * Waits (by retrying) for sends still in flight, e.g. of an earlier page attempt that outlived
 * its heartbeat, so none is reported before WhatsApp answers; sends stuck long enough are settled
 * by the sent-ledger's own rule (sent if WhatsApp took it, else outcome_unknown, never resent).
 */
async function settleInFlight(deps: ActivityDeps, input: FinishRunInput): Promise<void> {
  await settleStuckSending(deps.pool, input.tenantId, input.runId);
  const { rows } = await deps.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "CampaignRecipient" WHERE "tenantId" = $1 AND "runId" = $2 AND status = 'sending'`,
    [input.tenantId, input.runId],
  );
  if ((rows[0]?.n ?? 0) > 0) {
    throw ApplicationFailure.retryable(`${rows[0]!.n} recipients are still being sent`, 'StillSending');
  }
}

function campaignUpdate(
  status: FinishRunInput['status'],
  campaign: { scheduleKind: string; recurrence: unknown; timeZone: string },
  reason: string | null,
) {
  const now = new Date();
  if (status === 'paused') {
    return { status: 'paused', failureReason: reason };
  }
  const recurrence = campaign.scheduleKind === 'recurring' ? recurrenceOf(campaign) : null;
  const recursLater = recurrence !== null && recursAfter(recurrence, now);
  if (status === 'completed') {
    return recursLater
      ? { status: 'scheduled', failureReason: null }
      : { status: 'completed', completedAt: now, failureReason: null };
  }
  if (status === 'failed') {
    // One failed occurrence of a recurring campaign does not stop the next ones.
    return recursLater
      ? { status: 'scheduled', failureReason: reason }
      : { status, completedAt: now, failureReason: reason };
  }
  return { status, completedAt: now };
}

async function tell(
  deps: ActivityDeps,
  db: TenantDb,
  campaign: { id: string; name: string; createdById: string | null },
  status: FinishRunInput['status'],
  reason: string | null,
): Promise<void> {
  if (status === 'failed') {
    await notifyCampaignOwner(deps, db, campaign, {
      kind: CAMPAIGN_FAILED_KIND,
      title: `Campaign “${campaign.name}” stopped`,
      body: reason ?? 'Sending stopped after repeated errors.',
    });
  } else if (status === 'paused') {
    await notifyCampaignOwner(deps, db, campaign, {
      kind: CAMPAIGN_PAUSED_KIND,
      title: `Campaign “${campaign.name}” paused: quota reached`,
      body: reason ?? QUOTA_REACHED_REASON,
    });
  }
}
