// Stores the inbound messages of one webhook: contact and conversation upserted, each message
// inserted once (unique on the provider message id, so a redelivered webhook stores nothing
// twice), media registered for download.
//
// This is the hottest write path of the platform (1,000 messages/s per process), so each message
// is one prepared SQL statement, one commit: no ORM, no interactive transaction. It runs on the
// system connection, keyed explicitly by the tenant that owns the channel (a webhook has no user
// or API key whose tenant row-level security could use).
import type pg from 'pg';
import type { InboundMessageRow } from './inbound-message.ts';

export type StoredInbound = { messageId: string; conversationId: string; mediaId: string | null };

// A brand-new conversation is created with the message already counted: the final UPDATE cannot
// see rows inserted by the same statement. If a concurrent webhook created the conversation
// between our snapshot and our insert, neither branch yields it: the statement returns no
// conversation and is simply run again.
const INGEST = `
  WITH contact AS (
    INSERT INTO "Contact" (id, "tenantId", "waId", phone, "profileName", "lastSeenAt", "createdAt", "updatedAt")
    VALUES (gen_random_uuid(), $1, $3, '+' || $3, $4, $5, now(), now())
    ON CONFLICT ("tenantId", "waId") DO UPDATE SET
      "profileName" = COALESCE(EXCLUDED."profileName", "Contact"."profileName"),
      "lastSeenAt" = GREATEST("Contact"."lastSeenAt", EXCLUDED."lastSeenAt"),
      "updatedAt" = now()
    RETURNING id
  ), created_conversation AS (
    INSERT INTO "Conversation" (id, "tenantId", "channelId", "contactId", status, "lastMessageAt", "lastInboundAt", "unreadCount", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), $1, $2, contact.id, 'open', $5, $5, 1, now(), now() FROM contact
    ON CONFLICT ("channelId", "contactId") DO NOTHING
    RETURNING id, "contactId"
  ), conversation AS (
    SELECT id, "contactId" FROM created_conversation
    UNION ALL
    SELECT c.id, c."contactId" FROM "Conversation" c JOIN contact ON c."contactId" = contact.id WHERE c."channelId" = $2
    LIMIT 1
  ), media AS (
    INSERT INTO "Media" (id, "tenantId", "channelId", "providerMediaId", "mimeType", sha256, filename, status, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), $1, $2, $13, $14, $15, $16, 'pending', now(), now() WHERE $13::text IS NOT NULL
    ON CONFLICT ("channelId", "providerMediaId") DO UPDATE SET "updatedAt" = "Media"."updatedAt"
    RETURNING id
  ), message AS (
    INSERT INTO "Message" (id, "tenantId", "conversationId", "channelId", "contactId", direction, "providerMessageId", type,
      content, text, status, "replyToProviderId", "mediaId", "providerTimestamp", "errorCode", "errorTitle", "errorDetails", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), $1, conversation.id, $2, conversation."contactId", 'inbound', $6, $7, $8, $9, 'received', $10,
      (SELECT id FROM media), $5, $11, $12, $17, now(), now()
    FROM conversation
    ON CONFLICT ("channelId", "providerMessageId") DO NOTHING
    RETURNING id, "conversationId"
  ), bumped AS (
    UPDATE "Conversation" c SET
      "unreadCount" = c."unreadCount" + 1,
      "lastMessageAt" = GREATEST(c."lastMessageAt", $5),
      "lastInboundAt" = GREATEST(COALESCE(c."lastInboundAt", $5), $5),
      status = 'open',
      "updatedAt" = now()
    FROM message WHERE c.id = message."conversationId"
  )
  SELECT (SELECT id FROM conversation) AS "conversationId", (SELECT id FROM message) AS "messageId", (SELECT id FROM media) AS "mediaId"`;

export async function storeInboundMessages(
  pool: pg.Pool,
  target: { tenantId: string; channelId: string },
  profileNames: Map<string, string>,
  rows: InboundMessageRow[],
): Promise<StoredInbound[]> {
  const stored: StoredInbound[] = [];
  for (const row of rows) {
    const values = [
      target.tenantId,
      target.channelId,
      row.waId,
      profileNames.get(row.waId) ?? null,
      row.providerTimestamp.toISOString(), // UTC text: the columns are timestamp without time zone, like Prisma's
      row.providerMessageId,
      row.type,
      JSON.stringify(row.content),
      row.text,
      row.replyToProviderId,
      row.error?.code ?? null,
      row.error?.title ?? null,
      row.media?.providerMediaId ?? null,
      row.media?.mimeType ?? null,
      row.media?.sha256 ?? null,
      row.media?.filename ?? null,
      row.error?.error_data?.details ?? null,
    ];
    let result = await ingest(pool, values);
    if (!result.conversationId) {
      result = await ingest(pool, values); // lost a race creating the conversation: it exists now
    }
    if (result.messageId && result.conversationId) {
      stored.push({ messageId: result.messageId, conversationId: result.conversationId, mediaId: result.mediaId });
    }
  }
  return stored;
}

async function ingest(pool: pg.Pool, values: unknown[]) {
  const { rows } = await pool.query<{
    conversationId: string | null;
    messageId: string | null;
    mediaId: string | null;
  }>({
    name: 'ingest-inbound-message',
    text: INGEST,
    values,
  });
  return rows[0] ?? { conversationId: null, messageId: null, mediaId: null };
}
