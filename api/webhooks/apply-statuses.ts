// Applies delivery statuses to outbound messages, monotonically: sent < failed < delivered <
// read < played (message_status_rank in the whatsapp_channel migration), so a late "delivered"
// never overwrites "read", a late "sent" never hides a failure, and a failure after delivery is
// ignored. Each step keeps its earliest time, even when statuses arrive out of order.
// A status can arrive before the send activity recorded Meta's message id;
// biz_opaque_callback_data (our message id) links it then.
// One prepared statement per status on the system connection, keyed by the channel's tenant
// (the hot path, like store-inbound.ts).
import type pg from 'pg';
import { meaningOf } from '../whatsapp/error-codes.ts';
import type { StatusUpdate } from '../whatsapp/webhook-schemas.ts';

const KNOWN = new Set(['sent', 'delivered', 'read', 'played', 'failed']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const APPLY = `
  UPDATE "Message" m SET
    status = CASE WHEN message_status_rank($4) > message_status_rank(m.status) THEN $4 ELSE m.status END,
    "providerMessageId" = COALESCE(m."providerMessageId", $3),
    "sentAt" = CASE WHEN $4 IN ('sent', 'delivered', 'read', 'played') THEN LEAST(COALESCE(m."sentAt", $5), $5) ELSE m."sentAt" END,
    "deliveredAt" = CASE WHEN $4 IN ('delivered', 'read', 'played') THEN LEAST(COALESCE(m."deliveredAt", $5), $5) ELSE m."deliveredAt" END,
    "readAt" = CASE WHEN $4 IN ('read', 'played') THEN LEAST(COALESCE(m."readAt", $5), $5) ELSE m."readAt" END,
    "failedAt" = CASE WHEN $4 = 'failed' AND message_status_rank(m.status) < 2 THEN $5 ELSE m."failedAt" END,
    "errorCode" = CASE WHEN $4 = 'failed' AND message_status_rank(m.status) < 2 THEN $7::int ELSE m."errorCode" END,
    "errorTitle" = CASE WHEN $4 = 'failed' AND message_status_rank(m.status) < 2 THEN $8 ELSE m."errorTitle" END,
    "errorDetails" = CASE WHEN $4 = 'failed' AND message_status_rank(m.status) < 2 THEN $9 ELSE m."errorDetails" END,
    pricing = COALESCE($10::jsonb, m.pricing),
    "updatedAt" = now()
  WHERE m."tenantId" = $1 AND m."channelId" = $2 AND m.direction = 'outbound'
    AND (m."providerMessageId" = $3 OR (m."providerMessageId" IS NULL AND m.id = $6::uuid))
  RETURNING m.id AS "messageId", m."conversationId", m.status`;

// A campaign message WhatsApp failed after taking it (131026: not on WhatsApp) fails its recipient
// in the campaign's ledger too, and moves it from the run's sent count to its failed count.
const FAIL_CAMPAIGN_RECIPIENT = `
  WITH target AS (
    SELECT r.id, r."runId", r.status AS before FROM "CampaignRecipient" r
    WHERE r."tenantId" = $1 AND r."messageId" = $2::uuid AND r.status IN ('sent', 'sending')
    FOR UPDATE
  ), failed AS (
    UPDATE "CampaignRecipient" r SET status = 'failed', reason = $3, "errorCode" = $4::int, "errorDetails" = $5,
      "updatedAt" = now()
    FROM target t WHERE r.id = t.id
    RETURNING t."runId", t.before
  )
  UPDATE "CampaignRun" run
  SET "sentCount" = run."sentCount" - (f.before = 'sent')::int, "failedCount" = run."failedCount" + 1,
      "updatedAt" = now()
  FROM failed f WHERE run.id = f."runId" AND run."tenantId" = $1`;

export type AppliedStatus = { messageId: string; conversationId: string; status: string };

export async function applyStatuses(
  pool: pg.Pool,
  target: { tenantId: string; channelId: string },
  statuses: StatusUpdate[],
): Promise<AppliedStatus[]> {
  const applied: AppliedStatus[] = [];
  for (const update of statuses.filter((s) => KNOWN.has(s.status))) {
    const callbackId =
      update.biz_opaque_callback_data && UUID.test(update.biz_opaque_callback_data)
        ? update.biz_opaque_callback_data
        : null;
    const error = update.errors?.[0];
    const { rows } = await pool.query<AppliedStatus>({
      name: 'apply-message-status',
      text: APPLY,
      values: [
        target.tenantId,
        target.channelId,
        update.id,
        update.status,
        new Date(Number(update.timestamp) * 1000).toISOString(),
        callbackId,
        error?.code ?? null,
        error?.title ?? error?.message ?? null,
        error?.error_data?.details ?? null,
        update.pricing ? JSON.stringify(update.pricing) : null,
      ],
    });
    applied.push(...rows);
    if (update.status === 'failed') {
      for (const row of rows.filter((r) => r.status === 'failed')) {
        const undeliverable = error ? meaningOf(error.code).category === 'undeliverable' : false;
        await pool.query({
          name: 'fail-campaign-recipient',
          text: FAIL_CAMPAIGN_RECIPIENT,
          values: [
            target.tenantId,
            row.messageId,
            undeliverable ? 'invalid_number' : 'whatsapp_error',
            error?.code ?? null,
            error?.error_data?.details ?? error?.title ?? null,
          ],
        });
      }
    }
  }
  return applied;
}
