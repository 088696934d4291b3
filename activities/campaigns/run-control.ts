// campaignRunControl: what the workflow reads after a signal or a stopped page — the campaign's
// status as the API left it (running, paused, cancelled; 'deleted' when it is gone). The run's own
// status follows it (paused, or running / testing again on resume) so the results page shows it.
import { createTenantDb } from '#db/tenant-db';
import type { RunControl, RunControlInput } from '#workflows/campaign/messages';
import type { ActivityDeps } from '../deps.ts';
import { publishRunProgress } from './run-events.ts';

export async function campaignRunControl(deps: ActivityDeps, input: RunControlInput): Promise<RunControl> {
  const db = createTenantDb(deps.prisma, input.tenantId);
  const run = await db.campaignRun.findUnique({
    where: { id: input.runId },
    select: { status: true, campaign: { select: { status: true } } },
  });
  if (!run) {
    return { campaignStatus: 'deleted' };
  }
  const campaignStatus = run.campaign.status;
  const runStatus =
    campaignStatus === 'paused'
      ? 'paused'
      : campaignStatus === 'running'
        ? input.phase === 'test'
          ? 'testing'
          : 'running'
        : null;
  if (runStatus && input.phase && runStatus !== run.status) {
    await db.campaignRun.updateMany({
      where: { id: input.runId, status: { in: ['running', 'testing', 'paused'] } },
      data: { status: runStatus },
    });
    await publishRunProgress(deps, db, input.runId);
  }
  return { campaignStatus };
}
