// Stores inbound messages of one webhook in one transaction under the tenant's row-level
// security: contact and conversation upserted, each message inserted once (unique on the
// provider message id, so a redelivered webhook stores nothing twice), media registered for
// download. Raw SQL because this is the hottest write path of the platform.
import type { Prisma } from '#db/client';
import type { TenantDb } from '#db/tenant-db';
import type { InboundMessageRow } from './inbound-message.ts';

export type StoredInbound = { messageId: string; conversationId: string; mediaId: string | null };

export async function storeInboundMessages(
  db: TenantDb,
  channelId: string,
  profileNames: Map<string, string>,
  rows: InboundMessageRow[],
): Promise<StoredInbound[]> {
  if (rows.length === 0) {
    return [];
  }
  return db.transaction(async (tx) => {
    const stored: StoredInbound[] = [];
    for (const row of rows) {
      const result = await storeOne(tx, db.tenantId, channelId, profileNames.get(row.waId) ?? null, row);
      if (result) {
        stored.push(result);
      }
    }
    return stored;
  });
}

async function storeOne(
  tx: Prisma.TransactionClient,
  tenantId: string,
  channelId: string,
  profileName: string | null,
  row: InboundMessageRow,
): Promise<StoredInbound | null> {
  const at = row.providerTimestamp;
  const [contact] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "Contact" (id, "tenantId", "waId", phone, "profileName", "lastSeenAt", "createdAt", "updatedAt")
    VALUES (gen_random_uuid(), ${tenantId}::uuid, ${row.waId}, ${`+${row.waId}`}, ${profileName}, ${at}, now(), now())
    ON CONFLICT ("tenantId", "waId") DO UPDATE SET
      "profileName" = COALESCE(EXCLUDED."profileName", "Contact"."profileName"),
      "lastSeenAt" = GREATEST("Contact"."lastSeenAt", EXCLUDED."lastSeenAt"),
      "updatedAt" = now()
    RETURNING id`;
  const [conversation] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "Conversation" (id, "tenantId", "channelId", "contactId", status, "lastMessageAt", "unreadCount", "createdAt", "updatedAt")
    VALUES (gen_random_uuid(), ${tenantId}::uuid, ${channelId}::uuid, ${contact!.id}::uuid, 'open', ${at}, 0, now(), now())
    ON CONFLICT ("channelId", "contactId") DO UPDATE SET "updatedAt" = "Conversation"."updatedAt"
    RETURNING id`;
  const mediaId = row.media ? await registerMedia(tx, tenantId, channelId, row.media) : null;
  const [message] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "Message" (id, "tenantId", "conversationId", "channelId", "contactId", direction, "providerMessageId", type,
      content, text, status, "replyToProviderId", "mediaId", "providerTimestamp", "errorCode", "errorTitle", "errorDetails", "createdAt", "updatedAt")
    VALUES (gen_random_uuid(), ${tenantId}::uuid, ${conversation!.id}::uuid, ${channelId}::uuid, ${contact!.id}::uuid,
      'inbound'::"MessageDirection", ${row.providerMessageId}, ${row.type}, ${JSON.stringify(row.content)}::jsonb, ${row.text},
      'received', ${row.replyToProviderId}, ${mediaId}::uuid, ${at}, ${row.error?.code ?? null}::int, ${row.error?.title ?? null},
      ${row.error?.error_data?.details ?? null}, now(), now())
    ON CONFLICT ("channelId", "providerMessageId") DO NOTHING
    RETURNING id`;
  if (!message) {
    return null;
  }
  await tx.$executeRaw`
    UPDATE "Conversation" SET
      "unreadCount" = "unreadCount" + 1,
      "lastMessageAt" = GREATEST("lastMessageAt", ${at}),
      "lastInboundAt" = GREATEST(COALESCE("lastInboundAt", ${at}), ${at}),
      status = 'open',
      "updatedAt" = now()
    WHERE id = ${conversation!.id}::uuid`;
  return { messageId: message.id, conversationId: conversation!.id, mediaId };
}

async function registerMedia(
  tx: Prisma.TransactionClient,
  tenantId: string,
  channelId: string,
  media: NonNullable<InboundMessageRow['media']>,
): Promise<string> {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "Media" (id, "tenantId", "channelId", "providerMediaId", "mimeType", sha256, filename, status, "createdAt", "updatedAt")
    VALUES (gen_random_uuid(), ${tenantId}::uuid, ${channelId}::uuid, ${media.providerMediaId}, ${media.mimeType}, ${media.sha256}, ${media.filename}, 'pending', now(), now())
    ON CONFLICT ("channelId", "providerMediaId") DO UPDATE SET "updatedAt" = "Media"."updatedAt"
    RETURNING id`;
  return row!.id;
}
