// The A/B test's verdict: per variant of the test phase, the share of its sent messages that were
// read (WhatsApp's read receipt) or replied to (CampaignRecipient.repliedAt, set by a trigger on
// inbound messages); the best rate wins, a tie goes to the first variant. The winner goes to every
// main-phase recipient still waiting. Idempotent: a retry keeps the winner already recorded.
import { ApplicationFailure } from '@temporalio/activity';
import { abTestSchema } from '#api/campaigns/schemas';
import { createTenantDb } from '#db/tenant-db';
import type { ChooseWinnerInput, ChooseWinnerResult } from '#workflows/campaign/messages';
import type { ActivityDeps } from '../deps.ts';

export type VariantResult = { variantId: string; sent: number; read: number; replied: number };

export async function chooseCampaignWinner(deps: ActivityDeps, input: ChooseWinnerInput): Promise<ChooseWinnerResult> {
  const db = createTenantDb(deps.prisma, input.tenantId);
  const run = await db.campaignRun.findUnique({
    where: { id: input.runId },
    select: { winnerVariantId: true, campaign: { select: { abTest: true } } },
  });
  if (!run) {
    throw ApplicationFailure.nonRetryable(`Campaign run ${input.runId} not found`, 'RunNotFound');
  }
  let winner = run.winnerVariantId;
  if (!winner) {
    const metric = abTestSchema.nullable().parse(run.campaign.abTest ?? null)?.winnerMetric ?? 'read';
    const results = await testResults(db, input.runId);
    winner = pickWinner(results, metric);
    await db.campaignRun.update({ where: { id: input.runId }, data: { winnerVariantId: winner } });
  }
  await db.campaignRecipient.updateMany({
    where: { runId: input.runId, phase: 'main', variantId: null },
    data: { variantId: winner },
  });
  return { winnerVariantId: winner };
}

/** Highest rate over sent wins; ties (and a test where nothing was sent) go to the first variant. */
export function pickWinner(results: VariantResult[], metric: 'read' | 'reply'): string {
  let best = results[0];
  let bestRate = -1;
  for (const result of results) {
    const hits = metric === 'read' ? result.read : result.replied;
    const rate = result.sent > 0 ? hits / result.sent : 0;
    if (rate > bestRate) {
      best = result;
      bestRate = rate;
    }
  }
  if (!best) {
    throw ApplicationFailure.nonRetryable('A campaign with an A/B test has no variants', 'NoVariants');
  }
  return best.variantId;
}

/** Each variant of the run's campaign in position order, with its test-phase figures. */
async function testResults(db: ReturnType<typeof createTenantDb>, runId: string): Promise<VariantResult[]> {
  const rows = await db.transaction(
    (tx) =>
      tx.$queryRaw<Array<{ variantId: string; sent: number; read: number; replied: number }>>`
      SELECT v.id::text AS "variantId",
        count(r.id) FILTER (WHERE r.status = 'sent')::int AS sent,
        count(r.id) FILTER (WHERE r.status = 'sent' AND (m.status = 'read' OR m."readAt" IS NOT NULL))::int AS read,
        count(r.id) FILTER (WHERE r.status = 'sent' AND r."repliedAt" IS NOT NULL)::int AS replied
      FROM "CampaignRun" run
      JOIN "CampaignVariant" v ON v."campaignId" = run."campaignId" AND v."tenantId" = run."tenantId"
      LEFT JOIN "CampaignRecipient" r ON r."runId" = run.id AND r."variantId" = v.id AND r.phase = 'test'
        AND r."tenantId" = run."tenantId"
      LEFT JOIN "Message" m ON m.id = r."messageId" AND m."tenantId" = run."tenantId"
      WHERE run.id = ${runId}::uuid AND run."tenantId" = ${db.tenantId}::uuid
      GROUP BY v.id, v.position ORDER BY v.position, v.id`,
  );
  return rows;
}
