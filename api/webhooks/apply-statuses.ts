// Applies delivery statuses to outbound messages, monotonically: sent < failed < delivered <
// read < played (message_status_rank in the whatsapp_channel migration), so a late "delivered"
// never overwrites "read", a late "sent" never hides a failure, and a failure after delivery is
// ignored. Each step keeps its earliest time, even when statuses arrive out of order.
// A status can arrive before the send activity recorded Meta's message id;
// biz_opaque_callback_data (our message id) links it then.
//
// Every message a campaign or a flow sends brings two or three status webhooks, so at 1,000
// messages/s this is a hotter path than inbound messages. Like store-inbound.ts, concurrent
// webhooks share statements: statuses waiting are merged per message (the highest status, the
// earliest time of each step) and written as one UPDATE, on the system connection keyed by the
// channel's tenant.
import type pg from 'pg';
import { campaignRunOfKeySql } from '../campaigns/campaign-message-key.ts';
import { lockMessagesInIdOrder } from '../messages/lock-messages.ts';
import { meaningOf } from '../whatsapp/error-codes.ts';
import type { StatusUpdate } from '../whatsapp/webhook-schemas.ts';
import type { IngestTarget } from './store-inbound.ts';

const RANK: Record<string, number> = { sent: 1, failed: 1.5, delivered: 2, read: 3, played: 4 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BATCH = 500;
const MAX_IN_FLIGHT = 2;
const DEADLOCK = '40P01';

export type AppliedStatus = {
  messageId: string;
  conversationId: string;
  status: string;
  /** The message's status before this batch (read in the same statement): an event only for a change. */
  priorStatus: string;
  contactId: string;
  errorCode: number | null;
};

/** What the statuses of one message in a batch add up to. */
type Merged = {
  target: IngestTarget;
  providerMessageId: string;
  callbackId: string | null;
  /** The highest status other than failed (null: only a failure). */
  status: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  failure: { at: string; code: number | null; title: string | null; details: string | null } | null;
  pricing: string | null;
};

// `failed_at` is set only when the batch's failure can count (nothing in it was delivered); the
// row's own status decides the rest. RETURNING names each entry's position (ord) in the batch.
const APPLY_BATCH = `
  WITH u AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::timestamp(3)[],
      $7::timestamp(3)[], $8::timestamp(3)[], $9::timestamp(3)[], $10::int[], $11::text[], $12::text[], $13::jsonb[])
      WITH ORDINALITY AS u("tenantId", "channelId", pid, cb, status, sent_at, delivered_at, read_at, failed_at,
                           error_code, error_title, error_details, pricing, ord)
  ), target AS (
    SELECT m.id, m.status AS prior_status, u.* FROM u
    JOIN "Message" m ON m."tenantId" = u."tenantId" AND m."channelId" = u."channelId" AND m.direction = 'outbound'
      AND m."providerMessageId" = u.pid
    UNION ALL
    SELECT m.id, m.status AS prior_status, u.* FROM u
    JOIN "Message" m ON m.id = u.cb AND m."tenantId" = u."tenantId" AND m."channelId" = u."channelId"
      AND m.direction = 'outbound' AND m."providerMessageId" IS NULL
  ), locked AS (
    ${lockMessagesInIdOrder('SELECT id FROM target')}
  )
  UPDATE "Message" m SET
    status = CASE
      WHEN t.failed_at IS NOT NULL AND message_status_rank(m.status) < 2 THEN 'failed'
      WHEN message_status_rank(coalesce(t.status, '')) > message_status_rank(m.status) THEN t.status
      ELSE m.status END,
    "providerMessageId" = COALESCE(m."providerMessageId", t.pid),
    "sentAt" = LEAST(COALESCE(m."sentAt", t.sent_at), t.sent_at),
    "deliveredAt" = LEAST(COALESCE(m."deliveredAt", t.delivered_at), t.delivered_at),
    "readAt" = LEAST(COALESCE(m."readAt", t.read_at), t.read_at),
    "failedAt" = CASE WHEN t.failed_at IS NOT NULL AND message_status_rank(m.status) < 2 THEN t.failed_at ELSE m."failedAt" END,
    "errorCode" = CASE WHEN t.failed_at IS NOT NULL AND message_status_rank(m.status) < 2 THEN t.error_code ELSE m."errorCode" END,
    "errorTitle" = CASE WHEN t.failed_at IS NOT NULL AND message_status_rank(m.status) < 2 THEN t.error_title ELSE m."errorTitle" END,
    "errorDetails" = CASE WHEN t.failed_at IS NOT NULL AND message_status_rank(m.status) < 2 THEN t.error_details ELSE m."errorDetails" END,
    pricing = COALESCE(t.pricing, m.pricing),
    "updatedAt" = now()
  FROM target t JOIN locked l ON l.id = t.id
  WHERE m.id = t.id
  RETURNING t.ord, m.id AS "messageId", m."conversationId", m.status, t.prior_status AS "priorStatus",
    m."contactId", m."errorCode"`;

// A campaign message WhatsApp failed after taking it (131026: not on WhatsApp) fails its recipient
// in the campaign's ledger too, and moves it from the run's sent count to its failed count. The
// recipient is found through the message's key (campaign-message-key.ts): its messageId is
// written only with the send's result, which this webhook can overtake.
const FAIL_CAMPAIGN_RECIPIENT = `
  WITH target AS (
    SELECT r.id, r."runId", r.status AS before FROM "Message" m
    JOIN "CampaignRecipient" r ON r."tenantId" = m."tenantId" AND r."contactId" = m."contactId"
      AND r."runId" = ${campaignRunOfKeySql('m."idempotencyKey"')}
    WHERE m.id = $2::uuid AND m."tenantId" = $1 AND r.status IN ('sent', 'sending')
    FOR UPDATE OF r
  ), failed AS (
    UPDATE "CampaignRecipient" r SET status = 'failed', reason = $3, "errorCode" = $4::int, "errorDetails" = $5,
      "messageId" = $2::uuid, "updatedAt" = now()
    FROM target t WHERE r.id = t.id
    RETURNING t."runId", t.before
  )
  UPDATE "CampaignRun" run
  SET "sentCount" = run."sentCount" - (f.before = 'sent')::int, "failedCount" = run."failedCount" + 1,
      "updatedAt" = now()
  FROM failed f WHERE run.id = f."runId" AND run."tenantId" = $1`;

/** One message's statuses from one webhook. */
type Pending = {
  target: IngestTarget;
  statuses: StatusUpdate[];
  settle: (applied: AppliedStatus[], error?: unknown) => void;
};

export type StatusWriter = ReturnType<typeof createStatusWriter>;

export function createStatusWriter(pool: pg.Pool) {
  const queue: Pending[] = [];
  let inFlight = 0;
  let scheduled = false;

  const pump = () => {
    while (queue.length > 0 && inFlight < MAX_IN_FLIGHT) {
      const batch = queue.splice(0, MAX_BATCH);
      inFlight++;
      void writeBatch(pool, batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  };

  return {
    /** Applies one webhook's statuses; resolves with the messages they changed. */
    async apply(target: IngestTarget, statuses: StatusUpdate[]): Promise<AppliedStatus[]> {
      const byMessage = groupBy(
        statuses.filter((s) => RANK[s.status] !== undefined),
        (s) => s.id,
      );
      if (byMessage.size === 0) {
        return [];
      }
      const results = [...byMessage.values()].map(
        (own) =>
          new Promise<AppliedStatus[]>((resolve, reject) => {
            queue.push({
              target,
              statuses: own,
              settle: (applied, error) => (error ? reject(error) : resolve(applied)),
            });
          }),
      );
      // Webhooks arriving in the same tick join one batch.
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          pump();
        });
      }
      return (await Promise.all(results)).flat();
    },
  };
}

/** One entry per message: its highest status and the earliest time of each step. */
export function mergeStatuses(target: IngestTarget, statuses: StatusUpdate[]): Merged[] {
  const byMessage = new Map<string, Merged>();
  for (const update of statuses) {
    const rank = RANK[update.status];
    if (rank === undefined) {
      continue;
    }
    const at = new Date(Number(update.timestamp) * 1000).toISOString();
    const merged = byMessage.get(update.id) ?? {
      target,
      providerMessageId: update.id,
      callbackId: null,
      status: null,
      sentAt: null,
      deliveredAt: null,
      readAt: null,
      failure: null,
      pricing: null,
    };
    byMessage.set(update.id, merged);
    if (update.biz_opaque_callback_data && UUID.test(update.biz_opaque_callback_data)) {
      merged.callbackId = update.biz_opaque_callback_data;
    }
    merged.pricing ??= update.pricing ? JSON.stringify(update.pricing) : null;
    if (update.status === 'failed') {
      const error = update.errors?.[0];
      merged.failure ??= {
        at,
        code: error?.code ?? null,
        title: error?.title ?? error?.message ?? null,
        details: error?.error_data?.details ?? null,
      };
      continue;
    }
    if (!merged.status || rank > RANK[merged.status]!) {
      merged.status = update.status;
    }
    merged.sentAt = earliest(merged.sentAt, at);
    if (rank >= RANK.delivered!) {
      merged.deliveredAt = earliest(merged.deliveredAt, at);
    }
    if (rank >= RANK.read!) {
      merged.readAt = earliest(merged.readAt, at);
    }
  }
  return [...byMessage.values()];
}

function earliest(current: string | null, at: string): string {
  return current === null || at < current ? at : current;
}

async function writeBatch(pool: pg.Pool, batch: Pending[], attempt = 1): Promise<void> {
  // Webhooks of one message in the same batch (its sent and delivered, say) become one entry:
  // an UPDATE applies one joined row per message, so two would lose one.
  const groups = [...groupBy(batch, (p) => `${p.target.tenantId}:${p.target.channelId}:${p.statuses[0]!.id}`).values()];
  const entries = groups.map(
    (pendings) =>
      mergeStatuses(
        pendings[0]!.target,
        pendings.flatMap((p) => p.statuses),
      )[0]!,
  );
  const pick = <T>(get: (m: Merged) => T) => entries.map(get);
  // A failure counts only while nothing in the same batch says the message was delivered.
  const failure = (m: Merged) => (m.status && RANK[m.status]! >= RANK.delivered! ? null : m.failure);
  try {
    const { rows } = await pool.query<AppliedStatus & { ord: string }>({
      name: 'apply-message-statuses',
      text: APPLY_BATCH,
      values: [
        pick((m) => m.target.tenantId),
        pick((m) => m.target.channelId),
        pick((m) => m.providerMessageId),
        pick((m) => m.callbackId),
        pick((m) => m.status),
        pick((m) => m.sentAt),
        pick((m) => m.deliveredAt),
        pick((m) => m.readAt),
        pick((m) => failure(m)?.at ?? null),
        pick((m) => failure(m)?.code ?? null),
        pick((m) => failure(m)?.title ?? null),
        pick((m) => failure(m)?.details ?? null),
        pick((m) => m.pricing),
      ],
    });
    const applied = new Map(rows.map(({ ord, ...row }) => [Number(ord) - 1, row]));
    for (const [index, row] of applied) {
      if (row.status === 'failed' && failure(entries[index]!)) {
        await failCampaignRecipient(pool, entries[index]!, row.messageId);
      }
    }
    groups.forEach((pendings, index) => {
      const row = applied.get(index);
      pendings.forEach((p) => p.settle(row ? [row] : []));
    });
  } catch (error) {
    // This statement and the campaign sender's lock messages in id order (lock-messages.ts); a
    // deadlock with another writer is still retried: statuses are monotonic, so applying them
    // again is safe.
    if ((error as { code?: string }).code === DEADLOCK && attempt < 3) {
      return writeBatch(pool, batch, attempt + 1);
    }
    batch.forEach((p) => p.settle([], error));
  }
}

async function failCampaignRecipient(pool: pg.Pool, merged: Merged, messageId: string): Promise<void> {
  const { code, details, title } = merged.failure!;
  const undeliverable = code !== null && meaningOf(code).category === 'undeliverable';
  await pool.query({
    name: 'fail-campaign-recipient',
    text: FAIL_CAMPAIGN_RECIPIENT,
    values: [
      merged.target.tenantId,
      messageId,
      undeliverable ? 'invalid_number' : 'whatsapp_error',
      code,
      details ?? title,
    ],
  });
}

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}
