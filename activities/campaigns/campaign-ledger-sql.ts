// The campaign sent-ledger's statements in plain SQL on the system connection, one per batch of
// recipients (never one per recipient), with the tenant in every WHERE so no row of another
// tenant can match (like activities/messaging/ledger-sql.ts and webhook ingestion).
//
// A recipient moves pending → sending (claimed, FOR UPDATE SKIP LOCKED, so two attempts never
// claim the same row) → sent | failed | skipped, or back to pending when a retry may help. Its
// Message row (idempotency key campaign:<runId>:<contactId>, campaignMessageKeySql) is created
// before the call to WhatsApp and carries our message id as biz_opaque_callback_data, so a status
// webhook finds it even when the answer to the send was lost. The recipient's messageId is written
// with its result (sent, failed, back to pending), not when the message is created: that saved one
// update of every recipient row (each rewrites its five indexes). Until then the key pairs them.
import type pg from 'pg';
import { campaignMessageKeySql } from '#api/campaigns/campaign-message-key';
import { MESSAGING_REACH_SQL, type MessagingReachRow } from '#api/campaigns/messaging-reach';
import { lockMessagesInIdOrder } from '#api/messages/lock-messages';
import { inPgTransaction } from '#db/pg-transaction';
import type { CampaignPhase } from '#workflows/campaign/messages';

// The statements that carry a batch's arrays are sent unnamed, so PostgreSQL plans each with its
// arrays' real lengths (unnest of a 250-element array: 250 rows). A named statement gets a generic
// plan after five runs, which expects 10 rows per array and joins the batch's sets by nested loops,
// 250 × 250 comparisons per join. Planning a batch's statement costs about a millisecond.

/** Timestamps are stored in UTC without a zone, as Prisma writes them. */
const NOW = `(now() AT TIME ZONE 'UTC')`;

/**
 * A contact's counters when WhatsApp took a campaign's message to it: its campaigns and, in the same
 * update, its engagement (the contact_engagement trigger leaves campaign messages to this).
 */
const COUNT_CAMPAIGN_MESSAGE = `"campaignsReceivedCount" = c."campaignsReceivedCount" + 1,
  "messagesSentCount" = c."messagesSentCount" + 1, "lastOutboundAt" = greatest(c."lastOutboundAt", ${NOW})`;

/** The pool, or one of its connections inside a transaction. */
type Queryable = pg.Pool | pg.PoolClient;

/**
 * Runs `admit` in a transaction holding the workspace's sending-allowance lock. What it reads (the
 * plan's usage, the messaging limit's reach) and the messages it creates (whose triggers count
 * them) commit together before another campaign of the workspace reads them: two campaigns, or
 * two batches of one, never both spend the same allowance.
 */
export async function withSendAllowance<T>(
  pool: pg.Pool,
  tenantId: string,
  admit: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return inPgTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('campaign-allowance:' || $1))", [tenantId]);
    return admit(client);
  });
}

export type SendContext = {
  runId: string;
  campaignId: string;
  runStatus: string;
  winnerVariantId: string | null;
  audienceSize: number;
  limitHeldUntil: Date | null;
  campaignStatus: string;
  channelId: string;
  messageKind: string;
  missingVariable: string;
  quietHours: unknown;
  channelStatus: string;
  phoneNumberId: string | null;
  channelKind: 'sandbox' | 'whatsapp_cloud';
  accessToken: string | null;
  messagesPerSecond: number;
  messagingLimitTier: string | null;
  workspaceTimeZone: string;
};

export async function loadSendContext(pool: pg.Pool, tenantId: string, runId: string): Promise<SendContext | null> {
  const { rows } = await pool.query<SendContext>(
    `SELECT r.id AS "runId", r."campaignId", r.status AS "runStatus", r."winnerVariantId", r."audienceSize",
            (r."limitHeldUntil" AT TIME ZONE 'UTC') AS "limitHeldUntil", c.status AS "campaignStatus", c."channelId", c."messageKind", c."missingVariable", c."quietHours",
            ch.status AS "channelStatus", ch."phoneNumberId", ch.kind::text AS "channelKind", ch."accessToken",
            ch."messagesPerSecond", ch."messagingLimitTier", COALESCE(s.timezone, 'UTC') AS "workspaceTimeZone"
     FROM "CampaignRun" r
     JOIN "Campaign" c ON c.id = r."campaignId" AND c."tenantId" = $1
     JOIN "Channel" ch ON ch.id = c."channelId" AND ch."tenantId" = $1
     LEFT JOIN "TenantSettings" s ON s."tenantId" = $1
     WHERE r.id = $2 AND r."tenantId" = $1`,
    [tenantId, runId],
  );
  return rows[0] ?? null;
}

export type VariantRow = {
  id: string;
  message: unknown;
  templateName: string | null;
  templateLanguage: string | null;
  templateComponents: unknown;
  parameterFormat: string | null;
};

export async function loadVariants(pool: pg.Pool, tenantId: string, campaignId: string): Promise<VariantRow[]> {
  const { rows } = await pool.query<VariantRow>(
    `SELECT v.id, v.message, t.name AS "templateName", t.language AS "templateLanguage",
            t.components AS "templateComponents", t."parameterFormat"
     FROM "CampaignVariant" v
     LEFT JOIN "MessageTemplate" t ON t."tenantId" = $1 AND t.id::text = v.message->>'templateId'
     WHERE v."tenantId" = $1 AND v."campaignId" = $2`,
    [tenantId, campaignId],
  );
  return rows;
}

/** The one cheap query the sender repeats about every second: paused or cancelled stops it. */
export async function campaignStatus(pool: pg.Pool, tenantId: string, campaignId: string): Promise<string | null> {
  const { rows } = await pool.query<{ status: string }>({
    name: 'campaign-status',
    text: 'SELECT status FROM "Campaign" WHERE id = $2 AND "tenantId" = $1',
    values: [tenantId, campaignId],
  });
  return rows[0]?.status ?? null;
}

export type Quota = { perDay: number | null; perMonth: number | null; today: number; month: number };

/** The plan's limits and the outbound messages counted today and this month (UTC). */
export async function loadQuota(pool: Queryable, tenantId: string): Promise<Quota> {
  const { rows } = await pool.query<Quota>({
    name: 'campaign-quota',
    text: `SELECT s."maxMessagesPerDay" AS "perDay", s."maxMessagesPerMonth" AS "perMonth",
             (SELECT COALESCE(sum(u.count), 0)::int FROM "TenantMessageUsage" u
              WHERE u."tenantId" = $1 AND u.day = ${NOW}::date) AS today,
             (SELECT COALESCE(sum(u.count), 0)::int FROM "TenantMessageUsage" u
              WHERE u."tenantId" = $1 AND u.day >= date_trunc('month', ${NOW})::date) AS month
           FROM (SELECT 1) one LEFT JOIN "TenantSettings" s ON s."tenantId" = $1`,
    values: [tenantId],
  });
  return rows[0]!;
}

export type MessagingReach = Omit<MessagingReachRow, 'alreadyReached'> & { alreadyReached: Set<string> };

/** The number's use of Meta's messaging limit, and which of `contactIds` already count. */
export async function loadMessagingReach(
  pool: Queryable,
  tenantId: string,
  channelId: string,
  contactIds: string[],
): Promise<MessagingReach> {
  const { rows } = await pool.query<MessagingReachRow>({
    name: 'campaign-messaging-reach',
    text: MESSAGING_REACH_SQL,
    values: [tenantId, channelId, contactIds],
  });
  const row = rows[0]!;
  return { reached: row.reached, freesAt: row.freesAt, alreadyReached: new Set(row.alreadyReached) };
}

/**
 * Recipients of this run stuck in `sending` for over two minutes (a worker died, or WhatsApp's
 * answer was lost): sent when a status webhook gave their message Meta's id, otherwise failed as
 * outcome_unknown. Never resent: WhatsApp may have them.
 */
export async function settleStuckSending(
  pool: pg.Pool,
  tenantId: string,
  runId: string,
): Promise<{ sent: number; failed: number }> {
  const { rows } = await pool.query<{ sent: number; failed: number }>(
    `WITH stuck AS (
       SELECT r.id, r."contactId", m.id AS message_id, (m."providerMessageId" IS NOT NULL) AS delivered
       FROM "CampaignRecipient" r
       LEFT JOIN "Message" m ON m."tenantId" = $1 AND m."idempotencyKey" = ${campaignMessageKeySql('$2', 'r."contactId"')}
       WHERE r."tenantId" = $1 AND r."runId" = $2 AND r.status = 'sending'
         AND r."updatedAt" < ${NOW} - interval '2 minutes'
       FOR UPDATE OF r SKIP LOCKED
     ), settled AS (
       UPDATE "CampaignRecipient" r
       SET status = CASE WHEN s.delivered THEN 'sent' ELSE 'failed' END,
           reason = CASE WHEN s.delivered THEN NULL ELSE 'outcome_unknown' END,
           "sentAt" = CASE WHEN s.delivered THEN ${NOW} ELSE NULL END, "messageId" = s.message_id,
           "updatedAt" = ${NOW}
       FROM stuck s WHERE r.id = s.id
       RETURNING r."contactId", r."messageId", s.delivered
     ), lost AS (
       UPDATE "Message" m SET status = 'failed', "failedAt" = ${NOW}, "errorTitle" = 'Delivery outcome unknown',
         "errorDetails" = 'The answer to the send was lost; it was not resent so the customer cannot get it twice.',
         "updatedAt" = ${NOW}
       FROM settled s WHERE m.id = s."messageId" AND m."tenantId" = $1 AND NOT s.delivered AND m.status = 'sending'
       RETURNING m.id
     ), counted AS (
       UPDATE "Contact" c SET ${COUNT_CAMPAIGN_MESSAGE}
       FROM settled s WHERE c.id = s."contactId" AND c."tenantId" = $1 AND s.delivered
       RETURNING c.id
     )
     SELECT count(*) FILTER (WHERE delivered)::int AS sent, count(*) FILTER (WHERE NOT delivered)::int AS failed
     FROM settled`,
    [tenantId, runId],
  );
  return rows[0] ?? { sent: 0, failed: 0 };
}

export type ClaimedRecipient = {
  id: string;
  contactId: string;
  variantId: string | null;
  attempts: number;
  waId: string;
  name: string | null;
  phone: string;
  email: string | null;
  language: string | null;
  fields: unknown;
  optInStatus: string;
  timeZone: string | null;
  lastInboundAt: Date | null;
};

/**
 * Claims the next pending recipients of the run's phase that are due, in id order (pending →
 * sending, one more attempt), in one statement; a concurrent attempt skips the locked rows.
 */
export async function claimRecipients(
  pool: pg.Pool,
  target: { tenantId: string; runId: string; phase: CampaignPhase; channelId: string },
  limit: number,
  /** Claim only after this recipient id (the previous batch's last): see below. */
  afterId: string | null = null,
): Promise<ClaimedRecipient[]> {
  // Every claim moves rows out of `pending`, and their old index entries stay until vacuum: a scan
  // from the start of the run wades through all of them, so each batch got slower (0.5 s per
  // batch at 20,000 recipients). Starting after the last claimed id skips them.
  // The conversation is read per recipient by its unique key: as a join, the planner (whose
  // statistics lag a run that just added thousands of recipients and conversations) expected one
  // row and scanned the number's every conversation once per recipient (0.8 s per batch).
  // prepareMessages keeps to the batch's own keys for the same reason.
  const { rows } = await pool.query<ClaimedRecipient>({
    text: `WITH picked AS (
             SELECT r.id FROM "CampaignRecipient" r
             WHERE r."tenantId" = $1 AND r."runId" = $2 AND r.phase = $3 AND r.status = 'pending'
               AND (r."notBefore" IS NULL OR r."notBefore" <= ${NOW})
               AND r.id > COALESCE($6::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
             ORDER BY r.id LIMIT $5
             FOR UPDATE SKIP LOCKED
           ), claimed AS (
             UPDATE "CampaignRecipient" r SET status = 'sending', attempts = r.attempts + 1, "updatedAt" = ${NOW}
             FROM picked WHERE r.id = picked.id
             RETURNING r.id, r."contactId", r."variantId", r.attempts
           )
           SELECT c.id, c."contactId", c."variantId", c.attempts, ct."waId", ct.name, ct.phone, ct.email,
                  ct.language, ct.fields, ct."optInStatus", ct."timeZone",
                  (SELECT cv."lastInboundAt" AT TIME ZONE 'UTC' FROM "Conversation" cv
                   WHERE cv."channelId" = $4 AND cv."contactId" = c."contactId" AND cv."tenantId" = $1) AS "lastInboundAt"
           FROM claimed c
           JOIN "Contact" ct ON ct.id = c."contactId" AND ct."tenantId" = $1
           ORDER BY c.id`,
    values: [target.tenantId, target.runId, target.phase, target.channelId, limit, afterId],
  });
  return rows;
}

export type OutgoingMessage = {
  recipientId: string;
  contactId: string;
  type: string;
  content: unknown;
  text: string | null;
};

export type PreparedMessage = {
  recipientId: string;
  contactId: string;
  messageId: string;
  conversationId: string;
  /** Created now, or a previous attempt's row put back to `queued`: this attempt may send it. */
  sendable: boolean;
  /** A previous attempt's row that WhatsApp already took (or refused): never sent again. */
  status: string;
  providerMessageId: string | null;
};

/**
 * For a batch about to be sent, in one statement: the contacts' conversations (a conversation
 * the campaign creates starts resolved, so a broadcast does not fill the agents' inbox; a reply
 * reopens it) and the Message rows (once per run and contact). A retried recipient gets its
 * earlier row back when that row was put back to queued.
 * Every table is reached through the batch's own ids and keys (`= ANY(...)`), so no plan scans a
 * whole run or tenant when the statistics lag behind the run (see claimRecipients).
 */
export async function prepareMessages(
  pool: Queryable,
  target: { tenantId: string; runId: string; channelId: string },
  messages: OutgoingMessage[],
): Promise<PreparedMessage[]> {
  if (messages.length === 0) {
    return [];
  }
  const { rows } = await pool.query<PreparedMessage>({
    text: `WITH x AS (
             SELECT x.recipient_id, x.contact_id, x.type, x.content::jsonb AS content, x.text,
                    ${campaignMessageKeySql('$3', 'x.contact_id')} AS key
             FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[])
               AS x(recipient_id, contact_id, type, content, text)
           ), conv AS (
             INSERT INTO "Conversation" (id, "tenantId", "channelId", "contactId", status, "lastMessageAt",
                                         "closedAt", "createdAt", "updatedAt")
             SELECT gen_random_uuid(), $1, $2, x.contact_id, 'resolved', ${NOW}, ${NOW}, ${NOW}, ${NOW} FROM x
             ON CONFLICT ("channelId", "contactId")
               DO UPDATE SET "lastMessageAt" = ${NOW}, "updatedAt" = ${NOW} WHERE "Conversation"."tenantId" = $1
             RETURNING id, "contactId"
           ), existing AS (
             SELECT m.id, m."contactId", m."conversationId", m.status, m."providerMessageId"
             FROM "Message" m WHERE m."tenantId" = $1 AND m."idempotencyKey" = ANY(ARRAY(SELECT key FROM x))
           ), requeued AS (
             UPDATE "Message" m SET status = 'sending', "updatedAt" = ${NOW}
             FROM existing e WHERE m.id = e.id AND m."tenantId" = $1 AND e.status = 'queued'
               AND e."providerMessageId" IS NULL
             RETURNING m.id
           ), inserted AS (
             INSERT INTO "Message" (id, "tenantId", "conversationId", "channelId", "contactId", direction, type,
                                    content, text, status, "idempotencyKey", "createdAt", "updatedAt")
             SELECT gen_random_uuid(), $1, conv.id, $2, x.contact_id, 'outbound', x.type, x.content, x.text,
                    'sending', x.key, ${NOW}, ${NOW}
             FROM x JOIN conv ON conv."contactId" = x.contact_id
             ON CONFLICT ("tenantId", "idempotencyKey") DO NOTHING
             RETURNING id, "contactId", "conversationId", status, "providerMessageId"
           ), messages AS (
             SELECT i.*, true AS sendable FROM inserted i
             UNION ALL
             SELECT e.id, e."contactId", e."conversationId", e.status, e."providerMessageId",
                    e.id IN (SELECT id FROM requeued) AS sendable
             FROM existing e
           )
           SELECT x.recipient_id AS "recipientId", x.contact_id AS "contactId", m.id AS "messageId",
                  m."conversationId", m.sendable, m.status, m."providerMessageId"
           FROM x JOIN messages m ON m."contactId" = x.contact_id`,
    values: [
      target.tenantId,
      target.channelId,
      target.runId,
      messages.map((m) => m.recipientId),
      messages.map((m) => m.contactId),
      messages.map((m) => m.type),
      messages.map((m) => JSON.stringify(m.content)),
      messages.map((m) => m.text),
    ],
  });
  return rows;
}

export type SentMessage = { recipientId: string; messageId: string; providerMessageId: string | null };

/**
 * WhatsApp took these messages: Meta's id on the message, the recipients sent (with their
 * messageId), and each contact's campaign count once (only a recipient that moves from sending to
 * sent counts). A status webhook that overtook this write is kept. Returns how many recipients
 * became sent.
 */
export async function recordSent(
  pool: pg.Pool,
  target: { tenantId: string; runId: string; channelId: string },
  sent: SentMessage[],
): Promise<number> {
  if (sent.length === 0) {
    return 0;
  }
  const { rows } = await pool.query<{ count: number }>({
    text: `WITH v AS (
             SELECT * FROM unnest($4::uuid[], $5::text[], $6::uuid[]) AS v(message_id, provider_id, recipient_id)
           ), locked AS (
             ${lockMessagesInIdOrder('SELECT message_id FROM v')}
           ), msg AS (
             UPDATE "Message" m
             SET status = CASE WHEN m.status IN ('sending', 'queued') THEN 'sent' ELSE m.status END,
                 "providerMessageId" = COALESCE(m."providerMessageId", v.provider_id),
                 "sentAt" = COALESCE(m."sentAt", ${NOW}), "updatedAt" = ${NOW}
             FROM v JOIN locked l ON l.id = v.message_id WHERE m.id = v.message_id AND m."tenantId" = $1
             RETURNING m.id
           ), rec AS (
             UPDATE "CampaignRecipient" r
             SET status = 'sent', "sentAt" = ${NOW}, "messageId" = v.message_id, "updatedAt" = ${NOW}
             FROM v WHERE r.id = v.recipient_id AND r."tenantId" = $1 AND r."runId" = $2 AND r.status = 'sending'
             RETURNING r."contactId"
           ), counted AS (
             UPDATE "Contact" c SET ${COUNT_CAMPAIGN_MESSAGE}
             FROM rec WHERE c.id = rec."contactId" AND c."tenantId" = $1
             RETURNING c.id
           ), healthy AS (
             UPDATE "Channel" SET "consecutiveSendFailures" = 0, "updatedAt" = ${NOW}
             WHERE id = $3 AND "tenantId" = $1 AND "consecutiveSendFailures" > 0
             RETURNING id
           )
           SELECT count(*)::int AS count FROM rec`,
    values: [
      target.tenantId,
      target.runId,
      target.channelId,
      sent.map((s) => s.messageId),
      sent.map((s) => s.providerMessageId),
      sent.map((s) => s.recipientId),
    ],
  });
  return rows[0]?.count ?? 0;
}

export type Settlement = {
  recipientId: string;
  /** The recipient's message when one was created: it fails with the recipient or waits queued. */
  messageId: string | null;
  status: 'pending' | 'failed' | 'skipped';
  reason: string | null;
  errorCode: number | null;
  errorTitle: string | null;
  errorDetails: string | null;
  /** pending: not before this instant (pair-rate back-off, quiet hours). */
  notBefore: Date | null;
  /** The claim's attempt does not count (released unsent, a throughput 130429, quiet hours). */
  refundAttempt: boolean;
};

/**
 * Claimed recipients that were not sent: skipped, failed, or back to pending. Their message, if
 * one was created, fails with them or goes back to queued for the next attempt. Returns how many
 * recipients of each status this changed (only rows still `sending` change).
 */
export async function settleRecipients(
  pool: pg.Pool,
  target: { tenantId: string; runId: string },
  settlements: Settlement[],
): Promise<Record<Settlement['status'], number>> {
  const counts = { pending: 0, failed: 0, skipped: 0 };
  if (settlements.length === 0) {
    return counts;
  }
  const { rows } = await pool.query<{ status: Settlement['status']; count: number }>({
    text: `WITH v AS (
             SELECT * FROM unnest($3::uuid[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[],
                                  $9::timestamptz[], $10::int[], $11::uuid[])
               AS v(id, status, reason, error_code, error_title, error_details, not_before, refund, message_id)
           ), rec AS (
             UPDATE "CampaignRecipient" r
             SET status = v.status, reason = v.reason, "errorCode" = v.error_code, "errorDetails" = v.error_details,
                 "notBefore" = v.not_before AT TIME ZONE 'UTC', attempts = greatest(0, r.attempts - v.refund),
                 "messageId" = COALESCE(v.message_id, r."messageId"), "updatedAt" = ${NOW}
             FROM v WHERE r.id = v.id AND r."tenantId" = $1 AND r."runId" = $2 AND r.status = 'sending'
             RETURNING r.id, r.status, r."messageId"
           ), msg AS (
             UPDATE "Message" m
             SET status = CASE WHEN rec.status = 'failed' THEN 'failed' ELSE 'queued' END,
                 "failedAt" = CASE WHEN rec.status = 'failed' THEN ${NOW} ELSE m."failedAt" END,
                 "errorCode" = CASE WHEN rec.status = 'failed' THEN v.error_code ELSE m."errorCode" END,
                 "errorTitle" = CASE WHEN rec.status = 'failed' THEN v.error_title ELSE m."errorTitle" END,
                 "errorDetails" = CASE WHEN rec.status = 'failed' THEN v.error_details ELSE m."errorDetails" END,
                 "updatedAt" = ${NOW}
             FROM rec JOIN v ON v.id = rec.id
             WHERE m.id = rec."messageId" AND m."tenantId" = $1 AND m.status = 'sending'
               AND m."providerMessageId" IS NULL
             RETURNING m.id
           )
           SELECT status, count(*)::int AS count FROM rec GROUP BY status`,
    values: [
      target.tenantId,
      target.runId,
      settlements.map((s) => s.recipientId),
      settlements.map((s) => s.status),
      settlements.map((s) => s.reason),
      settlements.map((s) => s.errorCode),
      settlements.map((s) => s.errorTitle),
      settlements.map((s) => s.errorDetails),
      settlements.map((s) => s.notBefore?.toISOString() ?? null),
      settlements.map((s) => (s.refundAttempt ? 1 : 0)),
      settlements.map((s) => s.messageId),
    ],
  });
  for (const row of rows) {
    counts[row.status] = row.count;
  }
  return counts;
}

export type RunCounts = {
  campaignId: string;
  status: string;
  audienceSize: number;
  sentCount: number;
  failedCount: number;
  skippedCount: number;
};

/** Adds this page's results to the run's counters (deltas, so concurrent pages add up). */
export async function addRunCounts(
  pool: pg.Pool,
  tenantId: string,
  runId: string,
  delta: { sent: number; failed: number; skipped: number },
): Promise<RunCounts | null> {
  const { rows } = await pool.query<RunCounts>({
    name: 'campaign-add-run-counts',
    text: `UPDATE "CampaignRun"
           SET "sentCount" = "sentCount" + $3, "failedCount" = "failedCount" + $4, "skippedCount" = "skippedCount" + $5,
               "updatedAt" = ${NOW}
           WHERE id = $2 AND "tenantId" = $1
           RETURNING "campaignId", status, "audienceSize", "sentCount", "failedCount", "skippedCount"`,
    values: [tenantId, runId, delta.sent, delta.failed, delta.skipped],
  });
  return rows[0] ?? null;
}

/** Pending recipients of the phase, and when the first of them is due when none is due now. */
export async function pendingSummary(
  pool: pg.Pool,
  tenantId: string,
  runId: string,
  phase: CampaignPhase,
): Promise<{ remaining: number; dueNow: number; nextNotBefore: Date | null }> {
  const { rows } = await pool.query<{ remaining: number; dueNow: number; nextNotBefore: Date | null }>({
    name: 'campaign-pending-summary',
    text: `SELECT count(*)::int AS remaining,
                  count(*) FILTER (WHERE "notBefore" IS NULL OR "notBefore" <= ${NOW})::int AS "dueNow",
                  (min("notBefore") AT TIME ZONE 'UTC') AS "nextNotBefore"
           FROM "CampaignRecipient"
           WHERE "tenantId" = $1 AND "runId" = $2 AND phase = $3 AND status = 'pending'`,
    values: [tenantId, runId, phase],
  });
  return rows[0]!;
}
