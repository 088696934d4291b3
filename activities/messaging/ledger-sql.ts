// The sent-ledger's statements in plain SQL. Every message a flow, a campaign or an agent sends
// passes here, and through Prisma each step cost about ten times the CPU (a tenant transaction per
// statement); see docs/benchmarks.md. Like webhook ingestion, they run on the system connection
// and name the tenant in every WHERE, so no row of another tenant can match.
import type pg from 'pg';
import type { ChannelCredentials } from '#api/channels/channel-client';
import type { OutboundContent } from '#api/whatsapp/schemas';
import { WHATSAPP_LIMITS } from '#api/whatsapp/limits';

const WINDOW = `${WHATSAPP_LIMITS.customerServiceWindowHours} hours`;

export type DeliveryRow = {
  status: string;
  providerMessageId: string | null;
  content: OutboundContent;
  replyToProviderId: string | null;
  channelId: string;
  conversationId: string;
  waId: string;
  lastInboundAt: Date | null;
  channelKind: ChannelCredentials['kind'];
  accessToken: string | null;
  phoneNumberId: string | null;
  /** The row moved from queued to sending in this statement: this attempt may call WhatsApp. */
  isClaimed: boolean;
};

/** Reads what a send needs and claims the row (queued → sending) when it can be sent now. */
export async function loadAndClaim(pool: pg.Pool, tenantId: string, messageId: string): Promise<DeliveryRow | null> {
  const { rows } = await pool.query<DeliveryRow>(
    `WITH target AS (
       SELECT m.id, m.status, m."providerMessageId", m.content, m."replyToProviderId", m."channelId",
              m."conversationId", ct."waId", cv."lastInboundAt", ch.kind::text AS "channelKind",
              ch."accessToken", ch."phoneNumberId"
       FROM "Message" m
       JOIN "Contact" ct ON ct.id = m."contactId"
       JOIN "Conversation" cv ON cv.id = m."conversationId"
       JOIN "Channel" ch ON ch.id = m."channelId"
       WHERE m.id = $2 AND m."tenantId" = $1
     ), claimed AS (
       UPDATE "Message" m SET status = 'sending', "updatedAt" = now()
       FROM target t
       WHERE m.id = t.id AND m.status = 'queued' AND t."phoneNumberId" IS NOT NULL
         AND (t.content->>'type' = 'template' OR t."lastInboundAt" > now() - interval '${WINDOW}')
       RETURNING m.id
     )
     SELECT t.*, EXISTS (SELECT 1 FROM claimed) AS "isClaimed" FROM target t`,
    [tenantId, messageId],
  );
  return rows[0] ?? null;
}

/**
 * Records WhatsApp's id with the effect, and a success resets the channel's failure streak. A
 * status webhook can overtake this write (delivered, or failed for a closed window): it is kept.
 */
export async function recordSent(
  pool: pg.Pool,
  tenantId: string,
  messageId: string,
  providerMessageId: string | null,
): Promise<void> {
  await pool.query(
    `WITH sent AS (
       UPDATE "Message"
       SET status = CASE WHEN status = 'sending' THEN 'sent' ELSE status END,
           "providerMessageId" = $3, "sentAt" = COALESCE("sentAt", now()), "updatedAt" = now()
       WHERE id = $2 AND "tenantId" = $1
       RETURNING "channelId"
     )
     UPDATE "Channel" SET "consecutiveSendFailures" = 0, "updatedAt" = now()
     WHERE id = (SELECT "channelId" FROM sent) AND "tenantId" = $1 AND "consecutiveSendFailures" > 0`,
    [tenantId, messageId, providerMessageId],
  );
}

export type QueueFlowMessage = {
  tenantId: string;
  channelId: string;
  contactId: string;
  idempotencyKey: string;
  content: OutboundContent;
  text: string | null;
};

export type QueuedMessage = {
  messageId: string;
  /** The new row as deliverMessage needs it, claimed when it can be sent now; null on a retry. */
  delivery: DeliveryRow | null;
};

/**
 * Queues a message in the contact's conversation once per idempotency key and, in the same
 * statement, claims it (queued → sending) when it can be sent now: one statement per flow message
 * instead of two. A retry finds the row queued before (the caller then loads and claims it as any
 * send does). Null when the conversation does not exist (the session created it at start).
 */
export async function queueAndClaim(pool: pg.Pool, message: QueueFlowMessage): Promise<QueuedMessage | null> {
  const values = [
    message.tenantId,
    message.channelId,
    message.contactId,
    message.idempotencyKey,
    message.content.type,
    JSON.stringify(message.content),
    message.text,
  ];
  const { rows } = await pool.query<
    Omit<DeliveryRow, 'status' | 'content' | 'providerMessageId' | 'replyToProviderId'> & { id: string }
  >({
    name: 'queue-and-claim-flow-message',
    text: QUEUE_AND_CLAIM,
    values,
  });
  const row = rows[0];
  if (row) {
    const { id, ...delivery } = row;
    return {
      messageId: id,
      // As loadAndClaim reports it: the status before this attempt's claim.
      delivery: {
        ...delivery,
        status: 'queued',
        content: message.content,
        providerMessageId: null,
        replyToProviderId: null,
      },
    };
  }
  const existing = await pool.query<{ id: string }>(
    'SELECT id FROM "Message" WHERE "tenantId" = $1 AND "idempotencyKey" = $2',
    [message.tenantId, message.idempotencyKey],
  );
  return existing.rows[0] ? { messageId: existing.rows[0].id, delivery: null } : null;
}

// The claim conditions are loadAndClaim's: a number to send from, and a template or an open window.
const QUEUE_AND_CLAIM = `
  WITH conv AS (
    UPDATE "Conversation" SET "lastMessageAt" = now(), "waitingSince" = NULL, "updatedAt" = now()
    WHERE "tenantId" = $1 AND "channelId" = $2 AND "contactId" = $3
    RETURNING id, "lastInboundAt"
  ), target AS (
    SELECT conv.id AS "conversationId", conv."lastInboundAt", ct."waId", ch.kind::text AS "channelKind",
           ch."accessToken", ch."phoneNumberId",
           (ch."phoneNumberId" IS NOT NULL AND ($5 = 'template' OR conv."lastInboundAt" > now() - interval '${WINDOW}')) AS claimable
    FROM conv
    JOIN "Channel" ch ON ch.id = $2 AND ch."tenantId" = $1
    JOIN "Contact" ct ON ct.id = $3 AND ct."tenantId" = $1
  ), inserted AS (
    INSERT INTO "Message" (id, "tenantId", "conversationId", "channelId", "contactId", direction, type,
                           content, text, status, "idempotencyKey", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), $1, t."conversationId", $2, $3, 'outbound', $5, $6::jsonb, $7,
           CASE WHEN t.claimable THEN 'sending' ELSE 'queued' END, $4, now(), now()
    FROM target t
    ON CONFLICT ("tenantId", "idempotencyKey") DO NOTHING
    RETURNING id, status
  )
  SELECT i.id, $2::uuid AS "channelId", t."conversationId", t."waId", t."lastInboundAt", t."channelKind",
         t."accessToken", t."phoneNumberId", t.claimable AS "isClaimed"
  FROM inserted i CROSS JOIN target t`;
