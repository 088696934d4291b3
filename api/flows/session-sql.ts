// The flow session's hot statements in plain SQL: every triggered session opens its row here and
// every customer message looks up its contact's live session. Through Prisma these were a tenant
// transaction per query (docs/benchmarks.md). Like ingestion and the sent-ledger they run on the
// system connection and name the tenant in every WHERE (docs/security.md).
import type pg from 'pg';
import { contactScope, type ContactRow } from '#activities/flows/contact-scope';
import { businessHoursSchema } from '#flow-dsl/business-hours';
import type { SessionContext, TriggerType } from '#workflows/flow-session/state';
import { LIVE_SESSION_STATUSES } from './session-statuses.ts';

export type OpenSession = {
  tenantId: string;
  sessionId: string;
  flowId: string;
  /** The published version's number; 0 for a draft (test runs), which has no version row. */
  flowVersion: number;
  channelId: string;
  contactId: string;
  workflowId: string;
  triggerType: TriggerType;
  isTest: boolean;
};

export type OpenedSession =
  { ok: true; context: SessionContext } | { ok: false; missing: 'contact' | 'flow' | 'conversation' };

/**
 * Creates the FlowSession row (idempotent by id: a retry finds it), creates the contact's
 * conversation on the channel when there is none (a flow can greet a contact who never wrote),
 * and returns what the session's templates read: the contact, the conversation and the
 * workspace's time zone and opening hours. One statement.
 */
export async function openSessionRow(pool: pg.Pool, open: OpenSession): Promise<OpenedSession> {
  const first = await openOnce(pool, open);
  // A conversation created by a concurrent statement is invisible to this one: the second run sees it.
  return !first.ok && first.missing === 'conversation' ? openOnce(pool, open) : first;
}

async function openOnce(pool: pg.Pool, open: OpenSession): Promise<OpenedSession> {
  const { rows } = await pool.query<OpenedRow>({
    name: 'open-flow-session',
    text: OPEN_SQL,
    values: [
      open.tenantId,
      open.sessionId,
      open.flowId,
      open.contactId,
      open.channelId,
      open.flowVersion,
      open.workflowId,
      open.triggerType,
      open.isTest,
    ],
  });
  const row = rows[0];
  if (!row) {
    return { ok: false, missing: 'contact' };
  }
  if (!row.hasFlow) {
    return { ok: false, missing: 'flow' };
  }
  if (!row.conversationId) {
    return { ok: false, missing: 'conversation' };
  }
  return {
    ok: true,
    context: {
      contact: contactScope(row),
      conversationId: row.conversationId,
      timezone: row.timezone ?? 'UTC',
      businessHours: businessHoursSchema.safeParse(row.businessHours).data ?? null,
    },
  };
}

export type LiveSession = { id: string; status: string; workflowId: string; isTest: boolean };

/** The contact's newest running, waiting or handed-off session on the channel. */
export async function findLiveSession(
  pool: pg.Pool,
  tenantId: string,
  channelId: string,
  contactId: string,
): Promise<LiveSession | null> {
  const { rows } = await pool.query<LiveSession>({
    name: 'find-live-flow-session',
    text: `SELECT id, status, "workflowId", "isTest" FROM "FlowSession"
           WHERE "tenantId" = $1 AND "channelId" = $2 AND "contactId" = $3 AND status = ANY($4::text[])
           ORDER BY "startedAt" DESC LIMIT 1`,
    values: [tenantId, channelId, contactId, LIVE_SESSION_STATUSES],
  });
  return rows[0] ?? null;
}

type OpenedRow = ContactRow & {
  conversationId: string | null;
  timezone: string | null;
  businessHours: unknown;
  hasFlow: boolean;
};

const OPEN_SQL = `
  WITH contact AS (
    SELECT id, name, "profileName", phone, "waId", fields, tags FROM "Contact" WHERE id = $4 AND "tenantId" = $1
  ), flow AS (
    SELECT id FROM "Flow" WHERE id = $3 AND "tenantId" = $1
  ), existing AS (
    SELECT id FROM "Conversation" WHERE "channelId" = $5 AND "contactId" = $4 AND "tenantId" = $1
  ), created AS (
    INSERT INTO "Conversation" (id, "tenantId", "channelId", "contactId", status, "lastMessageAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), $1, $5, contact.id, 'open', now(), now(), now()
    FROM contact WHERE NOT EXISTS (SELECT 1 FROM existing)
    ON CONFLICT ("channelId", "contactId") DO NOTHING
    RETURNING id
  ), session AS (
    INSERT INTO "FlowSession" (id, "tenantId", "flowId", "flowVersionId", "channelId", "contactId", "workflowId", status,
                               "triggerType", "isTest", "startedAt", "updatedAt")
    SELECT $2, $1, flow.id,
           (SELECT v.id FROM "FlowVersion" v WHERE v."flowId" = flow.id AND v.version = $6 AND v."tenantId" = $1),
           $5, contact.id, $7, 'running', $8, $9, now(), now()
    FROM flow, contact
    ON CONFLICT (id) DO NOTHING
  )
  SELECT c.*, (SELECT id FROM existing UNION ALL SELECT id FROM created LIMIT 1) AS "conversationId",
         s.timezone, s."businessHours", EXISTS (SELECT 1 FROM flow) AS "hasFlow"
  FROM contact c LEFT JOIN "TenantSettings" s ON s."tenantId" = $1`;
