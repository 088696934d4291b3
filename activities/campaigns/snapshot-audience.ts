// The audience snapshot: every contact the campaign's audience selects at the start, written once
// into CampaignRecipient with set-based INSERT … SELECT in id-ordered chunks (100,000 contacts in
// seconds), so a contact added later is never messaged. Contacts who cannot receive it now are
// written as skipped with their reason, so the results show them. The variants and the A/B test's
// sample are then dealt out deterministically by weight over an md5 order of the recipients.
import { audienceWhereSql, reachabilitySql, type MessageKind } from '#api/campaigns/audience-sql';
import type { Audience } from '#api/campaigns/schemas';
import type { TenantDb } from '#db/tenant-db';

export const SNAPSHOT_CHUNK = 10_000;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

export type SnapshotTarget = {
  db: TenantDb;
  runId: string;
  channelId: string;
  messageKind: MessageKind;
  audience: Audience;
};

/**
 * Writes the snapshot from `after` on (a retried prepare resumes at its last heartbeat; rows
 * already written are left alone by the unique (runId, contactId)). `progress` is called after
 * each chunk with the last contact id written. The audience and who can be reached are the API's
 * own definitions (audience-sql.ts), so the snapshot matches the estimate the user saw.
 */
export async function snapshotAudience(
  target: SnapshotTarget,
  options: { after?: string; progress?: (after: string) => void } = {},
): Promise<void> {
  const { db, runId } = target;
  const now = new Date();
  const where = await audienceWhereSql(db, target.audience, { now });
  const skipReason = reachabilitySql(target.messageKind, target.channelId, now);
  let after = options.after ?? FIRST_ID;
  for (;;) {
    const rows = await db.transaction(
      async (tx) => {
        await tx.$executeRaw`SET LOCAL jit = off`;
        return tx.$queryRaw<Array<{ last: string | null; n: number }>>`
          WITH batch AS (
            SELECT c.id, ${skipReason} AS reason FROM "Contact" c
            WHERE ${where} AND c.id > ${after}::uuid ORDER BY c.id LIMIT ${SNAPSHOT_CHUNK}
          ), written AS (
            INSERT INTO "CampaignRecipient"
              (id, "tenantId", "runId", "contactId", phase, status, reason, "createdAt", "updatedAt")
            SELECT gen_random_uuid(), ${db.tenantId}::uuid, ${runId}::uuid, b.id, 'main',
              CASE WHEN b.reason IS NULL THEN 'pending' ELSE 'skipped' END, b.reason, now(), now()
            FROM batch b
            ON CONFLICT ("runId", "contactId") DO NOTHING
          )
          SELECT (SELECT id FROM batch ORDER BY id DESC LIMIT 1)::text AS last, (SELECT count(*) FROM batch)::int AS n`;
      },
      { timeout: 120_000 },
    );
    const { last, n } = rows[0] ?? { last: null, n: 0 };
    if (last) {
      after = last;
      options.progress?.(after);
    }
    if (n < SNAPSHOT_CHUNK) {
      return;
    }
  }
}

export type SnapshotCounts = { matched: number; eligible: number; reasons: Record<string, number> };

export async function snapshotCounts(db: TenantDb, runId: string): Promise<SnapshotCounts> {
  const rows = await db.campaignRecipient.groupBy({ by: ['status', 'reason'], where: { runId }, _count: true });
  const counts: SnapshotCounts = { matched: 0, eligible: 0, reasons: {} };
  for (const row of rows) {
    counts.matched += row._count;
    if (row.status === 'pending') {
      counts.eligible += row._count;
    } else if (row.reason) {
      counts.reasons[row.reason] = (counts.reasons[row.reason] ?? 0) + row._count;
    }
  }
  return counts;
}

export type VariantShare = { id: string; weight: number };

/**
 * Deals the pending recipients out by weight, in a fixed pseudo-random order (md5 of contact and
 * run): the first `samplePercent` go to the test phase split by weight, the rest wait in the main
 * phase without a variant until the winner. Without a test, everyone is split by weight. Returns
 * how many are in the test phase.
 */
export async function assignVariants(
  db: TenantDb,
  runId: string,
  variants: VariantShare[],
  samplePercent: number | null,
): Promise<number> {
  let lo = 0;
  const ranges = variants.map((v) => {
    const range = { id: v.id, lo, hi: lo + v.weight };
    lo += v.weight;
    return range;
  });
  const pct = samplePercent ?? 0;
  const total = lo;
  // One statement over the whole audience: 100,000 recipients took 5.3 s, past Prisma's default
  // 5 s, and the run was prepared twice. The activity's heartbeat timeout (a minute) bounds it.
  return db.transaction(
    async (tx) => {
      await tx.$executeRaw`
      WITH ranked AS (
        SELECT r.id, row_number() OVER (ORDER BY md5(r."contactId"::text || r."runId"::text), r.id) - 1 AS k,
          count(*) OVER () AS n
        FROM "CampaignRecipient" r
        WHERE r."tenantId" = ${db.tenantId}::uuid AND r."runId" = ${runId}::uuid AND r.status = 'pending'
      ), sized AS (
        SELECT id, k, CASE WHEN ${pct}::int > 0 THEN ceil(n * ${pct}::int / 100.0)::bigint ELSE n END AS pool
        FROM ranked
      ), placed AS (
        SELECT id, CASE WHEN ${pct}::int > 0 AND k < pool THEN 'test' ELSE 'main' END AS phase,
          CASE WHEN k < pool THEN (k * ${total}::int) / pool END AS bucket
        FROM sized
      )
      UPDATE "CampaignRecipient" r SET phase = p.phase, "variantId" = v.id, "updatedAt" = now()
      FROM placed p
      LEFT JOIN unnest(${ranges.map((r) => r.id)}::uuid[], ${ranges.map((r) => r.lo)}::int[],
        ${ranges.map((r) => r.hi)}::int[]) AS v(id, lo, hi) ON p.bucket >= v.lo AND p.bucket < v.hi
      WHERE r.id = p.id`;
      if (pct === 0) {
        return 0;
      }
      return tx.campaignRecipient.count({ where: { runId, phase: 'test', status: 'pending' } });
    },
    { timeout: 60_000 },
  );
}
