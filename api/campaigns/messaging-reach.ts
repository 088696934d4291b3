// Meta's messaging limit (docs/campaigns.md): a number may reach so many unique customers with
// business-initiated messages (a template while the customer's window is closed) in a moving 24
// hours, shared by the numbers of one business. MessagingReach (a trigger on Message) holds each
// number's latest such message per customer; this counts them over the numbers of the channel's
// WhatsApp Business Account. The estimate (API) and the campaign sender (activity) both ask.
import type { TenantDb } from '#db/tenant-db';
import { messagingLimitOf } from '../whatsapp/number-limits.ts';

/** $1 tenant, $2 channel, $3 contact ids to look up (uuid[]). */
export const MESSAGING_REACH_SQL = `
  WITH numbers AS (
    SELECT c.id FROM "Channel" c JOIN "Channel" own ON own.id = $2::uuid AND own."tenantId" = $1::uuid
    WHERE c."tenantId" = $1::uuid AND (c.id = own.id OR c."wabaId" = own."wabaId")
  ), reach AS (
    SELECT r."contactId", max(r."reachedAt") AS last FROM "MessagingReach" r
    WHERE r."tenantId" = $1::uuid AND r."channelId" IN (SELECT id FROM numbers)
      AND r."reachedAt" > (now() AT TIME ZONE 'UTC') - interval '24 hours'
    GROUP BY r."contactId"
  )
  SELECT (SELECT count(*)::int FROM reach) AS reached,
         (SELECT (min(last) + interval '24 hours') AT TIME ZONE 'UTC' FROM reach) AS "freesAt",
         ARRAY(SELECT "contactId"::text FROM reach WHERE "contactId" = ANY($3::uuid[])) AS "alreadyReached"`;

export type MessagingReachRow = {
  /** Unique customers reached with business-initiated messages in the last 24 hours. */
  reached: number;
  /** When the earliest of them stops counting. */
  freesAt: Date | null;
  /** Which of the looked-up contacts are among them (messaging them again takes nothing more). */
  alreadyReached: string[];
};

export type MessagingLimitLeft = {
  /** Meta's tier for the number (TIER_250, TIER_2K, …, TIER_UNLIMITED); null: not known yet. */
  tier: string | null;
  /** Unique customers per moving 24 hours; null: unlimited. */
  limit: number | null;
  /** Of those, how many more it may reach now; null: unlimited. */
  remaining: number | null;
};

export async function messagingLimitLeft(db: TenantDb, channelId: string): Promise<MessagingLimitLeft> {
  const channel = await db.channel.findFirst({ where: { id: channelId }, select: { messagingLimitTier: true } });
  const tier = channel?.messagingLimitTier ?? null;
  const limit = messagingLimitOf(tier);
  if (limit === null) {
    return { tier, limit, remaining: null };
  }
  const rows = await db.transaction((tx) =>
    tx.$queryRawUnsafe<MessagingReachRow[]>(MESSAGING_REACH_SQL, db.tenantId, channelId, []),
  );
  return { tier, limit, remaining: Math.max(0, limit - rows[0]!.reached) };
}
