// The SQL of inbound ingestion: many messages (from concurrent webhooks) in one statement and one
// commit. Per (tenant, wa_id) the contact is upserted once; per (channel, contact) the conversation
// is created with its new messages already counted, or its counters bumped by the messages that
// were really inserted (a redelivered message inserts nothing and counts nothing). A row whose
// conversation another transaction created after this statement's snapshot gets no conversation
// and no message: the caller runs it again. Each new message comes back with its contact's live
// flow session on the channel, so routing need not look it up again (api/flows/routing), and with
// whether its conversation is new, who had it and its status before (read from the same snapshot),
// so assignment routing (api/routing) runs only for conversations nobody has. The contact's phone,
// names and whether this statement created it come back too, for the platform events.
export const INGEST_BATCH = `
  WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamp(3)[], $6::text[], $7::text[], $8::text[],
      $9::text[], $10::text[], $11::int[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])
      WITH ORDINALITY AS i(tenant_id, channel_id, wa_id, profile_name, at, provider_id, type, content, text, reply_to,
        err_code, err_title, err_details, media_provider_id, media_mime, media_sha, media_file, ord)
  ), contacts AS (
    INSERT INTO "Contact" (id, "tenantId", "waId", phone, "profileName", "lastSeenAt", "createdAt", "updatedAt")
    SELECT DISTINCT ON (tenant_id, wa_id) gen_random_uuid(), tenant_id, wa_id, '+' || wa_id, profile_name, at, now(), now()
    FROM input ORDER BY tenant_id, wa_id, at DESC
    ON CONFLICT ("tenantId", "waId") DO UPDATE SET
      "profileName" = COALESCE(EXCLUDED."profileName", "Contact"."profileName"),
      "lastSeenAt" = GREATEST("Contact"."lastSeenAt", EXCLUDED."lastSeenAt"),
      "updatedAt" = now()
    RETURNING id, "tenantId" AS tenant_id, "waId" AS wa_id, phone, name, "profileName" AS profile_name,
      (xmax = 0) AS is_new
  ), threads AS (
    SELECT i.tenant_id, i.channel_id, c.id AS contact_id, min(i.at) AS first_at, max(i.at) AS last_at, count(DISTINCT i.provider_id) AS n
    FROM input i JOIN contacts c ON c.tenant_id = i.tenant_id AND c.wa_id = i.wa_id
    GROUP BY i.tenant_id, i.channel_id, c.id
  ), created AS (
    INSERT INTO "Conversation" (id, "tenantId", "channelId", "contactId", status, "lastMessageAt", "lastInboundAt", "waitingSince", "unreadCount", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), tenant_id, channel_id, contact_id, 'open', last_at, last_at, first_at, n, now(), now() FROM threads
    ON CONFLICT ("channelId", "contactId") DO NOTHING
    RETURNING id, "channelId" AS channel_id, "contactId" AS contact_id
  ), conversations AS (
    SELECT id, channel_id, contact_id, true AS is_new, NULL::uuid AS assignee_id, NULL::text AS prior_status FROM created
    UNION ALL
    SELECT cv.id, cv."channelId", cv."contactId", false, cv."assigneeUserId", cv.status FROM "Conversation" cv
    JOIN threads t ON cv."channelId" = t.channel_id AND cv."contactId" = t.contact_id
  ), media AS (
    INSERT INTO "Media" (id, "tenantId", "channelId", "providerMediaId", "mimeType", sha256, filename, status, "createdAt", "updatedAt")
    SELECT DISTINCT ON (channel_id, media_provider_id) gen_random_uuid(), tenant_id, channel_id, media_provider_id, media_mime, media_sha, media_file, 'pending', now(), now()
    FROM input WHERE media_provider_id IS NOT NULL
    ON CONFLICT ("channelId", "providerMediaId") DO UPDATE SET "updatedAt" = "Media"."updatedAt"
    RETURNING id, "channelId" AS channel_id, "providerMediaId" AS provider_media_id
  ), messages AS (
    INSERT INTO "Message" (id, "tenantId", "conversationId", "channelId", "contactId", direction, "providerMessageId", type,
      content, text, status, "replyToProviderId", "mediaId", "providerTimestamp", "errorCode", "errorTitle", "errorDetails", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), i.tenant_id, cv.id, i.channel_id, c.id, 'inbound', i.provider_id, i.type, i.content::jsonb, i.text,
      'received', i.reply_to, m.id, i.at, i.err_code, i.err_title, i.err_details, now(), now()
    FROM input i
    JOIN contacts c ON c.tenant_id = i.tenant_id AND c.wa_id = i.wa_id
    JOIN conversations cv ON cv.channel_id = i.channel_id AND cv.contact_id = c.id
    LEFT JOIN media m ON m.channel_id = i.channel_id AND m.provider_media_id = i.media_provider_id
    ON CONFLICT ("channelId", "providerMessageId") DO NOTHING
    RETURNING id, "conversationId", "channelId", "contactId", "providerMessageId", "mediaId", "providerTimestamp"
  ), bumped AS (
    -- A customer message reopens a resolved or snoozed conversation and starts their wait (or
    -- keeps the older one): waitingSince is cleared only by an answer (docs/inbox.md).
    UPDATE "Conversation" cv SET
      "unreadCount" = cv."unreadCount" + b.n,
      "lastMessageAt" = GREATEST(cv."lastMessageAt", b.last_at),
      "lastInboundAt" = GREATEST(COALESCE(cv."lastInboundAt", b.last_at), b.last_at),
      status = CASE WHEN cv.status IN ('resolved', 'snoozed') THEN 'open' ELSE cv.status END,
      "closedAt" = NULL,
      "snoozedUntil" = NULL,
      "waitingSince" = COALESCE(cv."waitingSince", b.first_at),
      "updatedAt" = now()
    FROM (SELECT "conversationId", count(*) AS n, min("providerTimestamp") AS first_at, max("providerTimestamp") AS last_at
          FROM messages GROUP BY "conversationId") b
    WHERE cv.id = b."conversationId"
  )
  SELECT i.ord, cv.id AS "conversationId", m.id AS "messageId", m."contactId", m."mediaId",
    s.id AS "sessionId", s.status AS "sessionStatus", s."workflowId" AS "sessionWorkflowId", s."isTest" AS "sessionIsTest",
    cv.is_new AS "conversationIsNew", cv.assignee_id AS "assigneeUserId", cv.prior_status AS "priorStatus",
    c.phone AS "contactPhone", c.name AS "contactName", c.profile_name AS "contactProfileName",
    c.is_new AS "contactIsNew",
    -- Only asked for a conversation nobody has: whether anything in the workspace assigns
    -- automatically (an enabled rule, a team that is not manual), else its queue stays empty.
    CASE WHEN cv.assignee_id IS NULL THEN
      EXISTS (SELECT 1 FROM "AssignmentRule" ar WHERE ar."tenantId" = i.tenant_id AND ar."isEnabled")
      OR EXISTS (SELECT 1 FROM "Team" t WHERE t."tenantId" = i.tenant_id AND t.assignment <> 'manual')
    END AS "workspaceAssigns"
  FROM input i
  LEFT JOIN contacts c ON c.tenant_id = i.tenant_id AND c.wa_id = i.wa_id
  LEFT JOIN conversations cv ON cv.channel_id = i.channel_id AND cv.contact_id = c.id
  LEFT JOIN messages m ON m."channelId" = i.channel_id AND m."providerMessageId" = i.provider_id
  LEFT JOIN LATERAL (
    SELECT fs.id, fs.status, fs."workflowId", fs."isTest" FROM "FlowSession" fs
    WHERE fs."tenantId" = i.tenant_id AND fs."channelId" = i.channel_id AND fs."contactId" = m."contactId"
      AND fs.status IN ('running', 'waiting', 'handed_off')
    ORDER BY fs."startedAt" DESC LIMIT 1
  ) s ON m.id IS NOT NULL`;
