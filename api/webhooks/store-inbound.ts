// Stores inbound messages: contact and conversation upserted, each message inserted once (unique
// on the provider message id, so a redelivered webhook stores nothing twice), media registered.
//
// This is the hottest write path of the platform, so concurrent webhooks share statements: the
// writer sends what is waiting as one statement (ingest-sql.ts), one commit, while earlier
// batches are in flight. At low load a batch is one message and nothing waits; at 1,000
// messages/s batches grow and the database does a fraction of the commits. It runs on the
// system connection, keyed explicitly by the tenant that owns the channel (a webhook has no user
// or API key whose tenant row-level security could use).
import type pg from 'pg';
import type { LiveSession } from '../flows/session-sql.ts';
import type { InboundMessageRow } from './inbound-message.ts';
import { INGEST_BATCH } from './ingest-sql.ts';

/** A newly stored message, with what routing needs so it does not read the message back. */
export type StoredInbound = {
  messageId: string;
  conversationId: string;
  contactId: string;
  mediaId: string | null;
  row: InboundMessageRow;
  /** The contact's running, waiting or handed-off flow session on the channel when it was stored. */
  liveSession: LiveSession | null;
  /**
   * Its conversation before this message: just created, its agent and status, and for one nobody
   * has, whether anything in the workspace assigns automatically (assignment routing).
   */
  conversation: {
    isNew: boolean;
    assigneeUserId: string | null;
    priorStatus: string | null;
    workspaceAssigns: boolean;
  };
  /**
   * The contact (events). `isNew` and `startsConversation` are true for one message only (the
   * first of its batch), so a contact or conversation created by several messages is announced once.
   */
  contact: { phone: string; name: string | null; profileName: string | null; isNew: boolean };
  startsConversation: boolean;
};
export type IngestTarget = { tenantId: string; channelId: string };

type Pending = {
  target: IngestTarget;
  profileName: string | null;
  row: InboundMessageRow;
  attempts: number;
  settle: (result: StoredInbound | null, error?: unknown) => void;
};

const MAX_BATCH = 200;
const MAX_IN_FLIGHT = 4;

export type InboundWriter = ReturnType<typeof createInboundWriter>;

export function createInboundWriter(pool: pg.Pool) {
  const queue: Pending[] = [];
  let inFlight = 0;

  const pump = () => {
    while (queue.length > 0 && inFlight < MAX_IN_FLIGHT) {
      const batch = queue.splice(0, MAX_BATCH);
      inFlight++;
      void writeBatch(pool, batch, (retry) => queue.unshift(...retry)).finally(() => {
        inFlight--;
        pump();
      });
    }
  };

  // Webhooks arriving in the same tick join one batch.
  let scheduled = false;
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        pump();
      });
    }
  };

  return {
    /** Stores one webhook's messages; resolves with those that were new. */
    async store(
      target: IngestTarget,
      profileNames: Map<string, string>,
      rows: InboundMessageRow[],
    ): Promise<StoredInbound[]> {
      const results = rows.map(
        (row) =>
          new Promise<StoredInbound | null>((resolve, reject) => {
            const settle = (result: StoredInbound | null, error?: unknown) => (error ? reject(error) : resolve(result));
            queue.push({ target, profileName: profileNames.get(row.waId) ?? null, row, attempts: 0, settle });
          }),
      );
      if (rows.length > 0) {
        schedule();
      }
      const stored = (await Promise.all(results)).filter((r): r is StoredInbound => r !== null);
      const seen = new Set<string>();
      return stored.filter((r) => !seen.has(r.messageId) && seen.add(r.messageId)); // one webhook may repeat a message
    },
  };
}

async function writeBatch(pool: pg.Pool, batch: Pending[], requeue: (items: Pending[]) => void): Promise<void> {
  let rows: Array<{
    ord: string;
    conversationId: string | null;
    messageId: string | null;
    contactId: string | null;
    mediaId: string | null;
    sessionId: string | null;
    sessionStatus: string | null;
    sessionWorkflowId: string | null;
    sessionIsTest: boolean | null;
    conversationIsNew: boolean | null;
    assigneeUserId: string | null;
    priorStatus: string | null;
    contactPhone: string | null;
    contactName: string | null;
    contactProfileName: string | null;
    contactIsNew: boolean | null;
    workspaceAssigns: boolean | null;
  }>;
  try {
    ({ rows } = await pool.query({ name: 'ingest-inbound-batch', text: INGEST_BATCH, values: columns(batch) }));
  } catch (error) {
    batch.forEach((item) => item.settle(null, error));
    return;
  }
  const retry: Pending[] = [];
  const announced = new Set<string>();
  const firstTime = (key: string) => !announced.has(key) && Boolean(announced.add(key));
  for (const result of rows) {
    const item = batch[Number(result.ord) - 1]!;
    if (!result.conversationId && item.attempts < 3) {
      retry.push({ ...item, attempts: item.attempts + 1 }); // lost a race creating the conversation
    } else if (result.messageId && result.conversationId && result.contactId) {
      item.settle({
        messageId: result.messageId,
        conversationId: result.conversationId,
        contactId: result.contactId,
        mediaId: result.mediaId,
        row: item.row,
        liveSession: result.sessionId
          ? {
              id: result.sessionId,
              status: result.sessionStatus!,
              workflowId: result.sessionWorkflowId!,
              isTest: result.sessionIsTest!,
            }
          : null,
        conversation: {
          isNew: result.conversationIsNew === true,
          assigneeUserId: result.assigneeUserId,
          priorStatus: result.priorStatus,
          workspaceAssigns: result.workspaceAssigns === true,
        },
        contact: {
          phone: result.contactPhone ?? '',
          name: result.contactName,
          profileName: result.contactProfileName,
          isNew: result.contactIsNew === true && firstTime(`contact:${result.contactId}`),
        },
        startsConversation: result.conversationIsNew === true && firstTime(`conversation:${result.conversationId}`),
      });
    } else {
      item.settle(null); // already stored: a redelivery
    }
  }
  requeue(retry);
}

function columns(batch: Pending[]): unknown[] {
  const pick = <T>(get: (item: Pending) => T) => batch.map(get);
  return [
    pick((p) => p.target.tenantId),
    pick((p) => p.target.channelId),
    pick((p) => p.row.waId),
    pick((p) => p.profileName),
    pick((p) => p.row.providerTimestamp.toISOString()), // UTC text: timestamp without time zone, like Prisma's
    pick((p) => p.row.providerMessageId),
    pick((p) => p.row.type),
    pick((p) => JSON.stringify(p.row.content)),
    pick((p) => p.row.text),
    pick((p) => p.row.replyToProviderId),
    pick((p) => p.row.error?.code ?? null),
    pick((p) => p.row.error?.title ?? null),
    pick((p) => p.row.error?.error_data?.details ?? null),
    pick((p) => p.row.media?.providerMediaId ?? null),
    pick((p) => p.row.media?.mimeType ?? null),
    pick((p) => p.row.media?.sha256 ?? null),
    pick((p) => p.row.media?.filename ?? null),
  ];
}
