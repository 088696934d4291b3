// A run waiting for its number's messaging limit (docs/campaigns.md): the hold is kept on the run
// for the results page, and the first time a run is held its creator is told why sending waits.
import { createTenantDb } from '#db/tenant-db';
import type { ActivityDeps } from '../deps.ts';
import { notifyCampaignOwner, publishRunProgress } from './run-events.ts';

export const CAMPAIGN_HELD_KIND = 'campaign.held';

/** Holds the run until `until`; `limit` is the number's unique customers per 24 hours. */
export async function holdRunForMessagingLimit(
  deps: ActivityDeps,
  tenantId: string,
  runId: string,
  until: Date,
  limit: number,
): Promise<void> {
  const db = createTenantDb(deps.prisma, tenantId);
  const run = await db.campaignRun.findUnique({
    where: { id: runId },
    select: { limitHeldUntil: true, campaign: { select: { id: true, name: true, createdById: true } } },
  });
  if (!run) {
    return;
  }
  await db.campaignRun.update({ where: { id: runId }, data: { limitHeldUntil: until } });
  await publishRunProgress(deps, db, runId);
  if (run.limitHeldUntil === null) {
    await notifyCampaignOwner(deps, db, run.campaign, {
      kind: CAMPAIGN_HELD_KIND,
      title: `Campaign “${run.campaign.name}” is waiting for the messaging limit`,
      body:
        `WhatsApp lets this number start conversations with ${limit.toLocaleString('en-US')} customers ` +
        'in any 24 hours, and that many were reached. The other recipients get the campaign as the ' +
        `limit frees up, from ${until.toISOString().slice(0, 16).replace('T', ' ')} UTC. ` +
        'Meta raises the limit as the number keeps a good quality rating.',
    });
  }
}

/** Ends the run's hold once it sends again. */
export async function releaseRunHold(deps: ActivityDeps, tenantId: string, runId: string): Promise<void> {
  const db = createTenantDb(deps.prisma, tenantId);
  await db.campaignRun.updateMany({
    where: { id: runId, limitHeldUntil: { not: null } },
    data: { limitHeldUntil: null },
  });
  await publishRunProgress(deps, db, runId);
}
