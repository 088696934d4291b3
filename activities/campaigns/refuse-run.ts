// A campaign that cannot start says why, in words its creator can act on: the number is
// disconnected, a template is not approved, the plan's quota is used up, or nobody in the audience
// can receive it. The run and the campaign are marked failed with that reason (a recurring one
// stays scheduled for its next occurrence) and the creator is notified.
import { quotaRemaining } from '#api/campaigns/plan-quota';
import { variantMessageSchema } from '#api/campaigns/schemas';
import { recurrenceOf, recursAfter } from '#api/campaigns/recurrence-spec';
import { templateSendRefusal } from '#api/templates/template-status';
import type { TenantDb } from '#db/tenant-db';
import type { PrepareRunResult } from '#workflows/campaign/messages';
import type { ActivityDeps } from '../deps.ts';
import { CAMPAIGN_FAILED_KIND, notifyCampaignOwner, publishRunProgress } from './run-events.ts';

export type RefusableCampaign = {
  id: string;
  name: string;
  channelId: string;
  scheduleKind: string;
  recurrence: unknown;
  timeZone: string;
  createdById: string | null;
  variants: Array<{ label: string; message: unknown }>;
  channel: { name: string; status: string; statusReason: string | null; accessToken: string | null };
};

/** Why it cannot start, checked before the audience is read; null when it can. */
export async function refusalBeforeSnapshot(db: TenantDb, campaign: RefusableCampaign): Promise<string | null> {
  const { channel } = campaign;
  if (channel.status === 'disconnected' || !channel.accessToken) {
    const why = channel.statusReason ? ` (${channel.statusReason})` : '';
    return `The WhatsApp number ${channel.name} is disconnected${why}: reconnect it, then launch the campaign again`;
  }
  for (const variant of campaign.variants) {
    const message = variantMessageSchema.parse(variant.message);
    if (message.kind !== 'template') {
      continue;
    }
    const stored = await db.messageTemplate.findUnique({
      where: { id: message.templateId },
      select: { name: true, language: true, status: true, rejectionReason: true, channelId: true },
    });
    if (!stored) {
      return `Variant ${variant.label}: its template was deleted`;
    }
    if (stored.channelId !== campaign.channelId) {
      return `Variant ${variant.label}: template ${stored.name} belongs to another WhatsApp number`;
    }
    const refusal = templateSendRefusal(stored, { name: stored.name, language: stored.language });
    if (refusal) {
      return `Variant ${variant.label}: ${refusal}`;
    }
  }
  return quotaRefusal(db);
}

/** The plan's daily or monthly message quota (UTC days), when it is already used up. */
export async function quotaRefusal(db: TenantDb, now = new Date()): Promise<string | null> {
  const left = await quotaRemaining(db, now);
  if (left.day === 0) {
    return 'The plan’s daily message limit is reached: the campaign can start tomorrow (UTC), or once the limit is raised';
  }
  if (left.month === 0) {
    return 'The plan’s monthly message limit is reached: the campaign can start next month, or once the limit is raised';
  }
  return null;
}

export async function refuseRun(
  deps: ActivityDeps,
  db: TenantDb,
  campaign: RefusableCampaign,
  runId: string,
  reason: string,
): Promise<PrepareRunResult> {
  const recurrence = campaign.scheduleKind === 'recurring' ? recurrenceOf(campaign) : null;
  const campaignStatus = recurrence && recursAfter(recurrence, new Date()) ? 'scheduled' : 'failed';
  // Campaign first: a retry that finds the run still preparing refuses again, never the reverse.
  await db.transaction(async (tx) => {
    await tx.campaign.updateMany({
      where: { id: campaign.id, tenantId: db.tenantId, status: 'running' },
      data: {
        status: campaignStatus,
        failureReason: reason,
        completedAt: campaignStatus === 'failed' ? new Date() : null,
      },
    });
    await tx.campaignRun.update({
      where: { id: runId },
      data: { status: 'failed', failureReason: reason, completedAt: new Date() },
    });
  });
  await publishRunProgress(deps, db, runId);
  await notifyCampaignOwner(deps, db, campaign, {
    kind: CAMPAIGN_FAILED_KIND,
    title: `Campaign “${campaign.name}” could not start`,
    body: reason,
  });
  return { outcome: 'refused', runId, reason };
}
