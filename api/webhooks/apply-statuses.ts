// Applies delivery statuses to outbound messages, monotonically: sent < delivered < read <
// played, and failed sits between sent and delivered, so a late "delivered" never overwrites
// "read" and a late "sent" never hides a failure. Each status's own timestamp is kept even when
// it arrives out of order. A status may arrive before the send activity recorded Meta's message
// id; biz_opaque_callback_data (our message id) links it then.
import type { TenantDb } from '#db/tenant-db';
import type { StatusUpdate } from '../whatsapp/webhook-schemas.ts';

const KNOWN = new Set(['sent', 'delivered', 'read', 'played', 'failed']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AppliedStatus = { messageId: string; conversationId: string; status: string };

export async function applyStatuses(
  db: TenantDb,
  channelId: string,
  statuses: StatusUpdate[],
): Promise<AppliedStatus[]> {
  const relevant = statuses.filter((s) => KNOWN.has(s.status));
  if (relevant.length === 0) {
    return [];
  }
  return db.transaction(async (tx) => {
    const applied: AppliedStatus[] = [];
    for (const update of relevant) {
      const at = new Date(Number(update.timestamp) * 1000);
      const callbackId =
        update.biz_opaque_callback_data && UUID.test(update.biz_opaque_callback_data)
          ? update.biz_opaque_callback_data
          : null;
      const error = update.errors?.[0];
      const rows = await tx.$queryRaw<AppliedStatus[]>`
        UPDATE "Message" m SET
          status = CASE WHEN message_status_rank(${update.status}) > message_status_rank(m.status) THEN ${update.status} ELSE m.status END,
          "providerMessageId" = COALESCE(m."providerMessageId", ${update.id}),
          "sentAt" = CASE WHEN ${update.status} IN ('sent', 'delivered', 'read', 'played') THEN COALESCE(m."sentAt", ${at}) ELSE m."sentAt" END,
          "deliveredAt" = CASE WHEN ${update.status} IN ('delivered', 'read', 'played') THEN COALESCE(m."deliveredAt", ${at}) ELSE m."deliveredAt" END,
          "readAt" = CASE WHEN ${update.status} IN ('read', 'played') THEN COALESCE(m."readAt", ${at}) ELSE m."readAt" END,
          "failedAt" = CASE WHEN ${update.status} = 'failed' AND message_status_rank(m.status) < message_status_rank('delivered') THEN ${at} ELSE m."failedAt" END,
          "errorCode" = CASE WHEN ${update.status} = 'failed' AND message_status_rank(m.status) < message_status_rank('delivered') THEN ${error?.code ?? null}::int ELSE m."errorCode" END,
          "errorTitle" = CASE WHEN ${update.status} = 'failed' AND message_status_rank(m.status) < message_status_rank('delivered') THEN ${error?.title ?? error?.message ?? null} ELSE m."errorTitle" END,
          "errorDetails" = CASE WHEN ${update.status} = 'failed' AND message_status_rank(m.status) < message_status_rank('delivered') THEN ${error?.error_data?.details ?? null} ELSE m."errorDetails" END,
          pricing = COALESCE(${update.pricing ? JSON.stringify(update.pricing) : null}::jsonb, m.pricing),
          "updatedAt" = now()
        WHERE m."channelId" = ${channelId}::uuid AND m.direction = 'outbound'
          AND (m."providerMessageId" = ${update.id} OR (m."providerMessageId" IS NULL AND m.id = ${callbackId}::uuid))
        RETURNING m.id AS "messageId", m."conversationId", m.status`;
      applied.push(...rows);
    }
    return applied;
  });
}
