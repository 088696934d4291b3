// What a campaign run tells people: the live `campaign.progress` event (the list, the calendar
// and the results page refetch on it) and, when it cannot start or stops on the plan's quota, an
// in-app notification to whoever created the campaign (else the workspace's admins).
import { notifyMembers, notifyUsers } from '#api/notifications/notify-members';
import type { RunStatus } from '#api/campaigns/schemas';
import type { TenantDb } from '#db/tenant-db';
import type { ActivityDeps } from '../deps.ts';

export const CAMPAIGN_FAILED_KIND = 'campaign.failed';
export const CAMPAIGN_PAUSED_KIND = 'campaign.paused';

/** Publishes the run's current status and counters as stored. */
export async function publishRunProgress(deps: ActivityDeps, db: TenantDb, runId: string): Promise<void> {
  const run = await db.campaignRun.findUnique({
    where: { id: runId },
    select: {
      campaignId: true,
      status: true,
      audienceSize: true,
      sentCount: true,
      failedCount: true,
      skippedCount: true,
    },
  });
  if (run) {
    deps.realtime.publish(db.tenantId, 'campaign.progress', { runId, ...run, status: run.status as RunStatus });
  }
}

export async function notifyCampaignOwner(
  deps: ActivityDeps,
  db: TenantDb,
  campaign: { id: string; name: string; createdById: string | null },
  notice: { kind: string; title: string; body: string },
): Promise<void> {
  const notification = { ...notice, body: notice.body.slice(0, 1000), link: `/campaigns/${campaign.id}` };
  const creatorIsMember =
    campaign.createdById !== null && (await db.membership.count({ where: { userId: campaign.createdById } })) > 0;
  if (creatorIsMember) {
    await notifyUsers(db, deps.realtime, [campaign.createdById!], notification);
  } else {
    await notifyMembers(db, deps.realtime, 'workspace.manage', notification);
  }
}
