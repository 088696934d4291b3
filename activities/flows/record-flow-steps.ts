// Writes a batch of step events and the session's status in one statement. Events are keyed by
// (sessionId, seq): a retried activity, or an event first written open (a node that waits) and
// later closed, upserts the same row, so nothing is counted twice.
import { ApplicationFailure } from '@temporalio/activity';
import { emitEvent } from '#api/events/emit-event';
import type { SessionStatus } from '#workflows/flow-session/state';
import type { ActivityDeps } from '../deps.ts';

export type StepEventRecord = {
  seq: number;
  nodeId: string;
  nodeType: string;
  outcome: string | null;
  /** Epoch milliseconds, workflow time. */
  enteredAt: number;
  exitedAt: number | null;
};

export type RecordFlowStepsInput = {
  tenantId: string;
  sessionId: string;
  flowId: string;
  events: StepEventRecord[];
  session?: { status: SessionStatus; currentNodeId: string | null };
};

const FINAL: ReadonlySet<SessionStatus> = new Set(['completed', 'cancelled', 'failed', 'timed_out']);

export function createRecordFlowStepsActivity(deps: ActivityDeps) {
  return async function recordFlowSteps(input: RecordFlowStepsInput): Promise<void> {
    // One statement (this runs before every wait of every session): the session row is updated
    // first, and the events are written only if it still exists.
    const status = input.session?.status ?? null;
    const events = input.events.map((event) => ({
      seq: event.seq,
      nodeId: event.nodeId,
      nodeType: event.nodeType,
      outcome: event.outcome,
      enteredAt: new Date(event.enteredAt).toISOString(),
      exitedAt: event.exitedAt === null ? null : new Date(event.exitedAt).toISOString(),
      durationMs: event.exitedAt === null ? null : event.exitedAt - event.enteredAt,
    }));
    const { rows } = await deps.pool.query<RecordedRow>(RECORD_SQL, [
      input.tenantId,
      input.sessionId,
      input.flowId,
      JSON.stringify(events),
      status,
      input.session?.currentNodeId ?? null,
      status !== null && FINAL.has(status),
    ]);
    if (!rows[0]?.found) {
      // Its flow or contact was deleted (the rows cascade): retrying would never succeed.
      throw ApplicationFailure.nonRetryable(`Flow session ${input.sessionId} no longer exists`, 'SessionGone');
    }
    const row = rows[0];
    // The session's end, once: a retried write finds it ended already. Test runs from the flow
    // builder are not the workspace's sessions.
    if (status !== null && FINAL.has(status) && !FINAL.has(row.priorStatus as SessionStatus) && !row.isTest) {
      void emitEvent(deps, input.tenantId, 'flow_session.completed', {
        sessionId: input.sessionId,
        flowId: input.flowId,
        contactId: row.contactId,
        channelId: row.channelId,
        outcome: status,
      });
    }
  };
}

type RecordedRow = { found: boolean; priorStatus: string; contactId: string; channelId: string; isTest: boolean };

// Runs on the system connection with the tenant named in every WHERE, like the sent-ledger.
const RECORD_SQL = `
  WITH prior AS (
    SELECT status FROM "FlowSession" WHERE id = $2 AND "tenantId" = $1
  ), session AS (
    UPDATE "FlowSession"
    SET status = COALESCE($5, status),
        "currentNodeId" = CASE WHEN $5::text IS NULL THEN "currentNodeId" ELSE $6 END,
        "endedAt" = CASE WHEN $7 THEN now() ELSE "endedAt" END,
        "updatedAt" = now()
    WHERE id = $2 AND "tenantId" = $1
    RETURNING id, "contactId", "channelId", "isTest"
  ), written AS (
    INSERT INTO "FlowStepEvent" (id, "tenantId", "sessionId", "flowId", seq, "nodeId", "nodeType", outcome,
                                 "enteredAt", "exitedAt", "durationMs")
    SELECT gen_random_uuid(), $1, session.id, $3, e.seq, e."nodeId", e."nodeType", e.outcome,
           e."enteredAt", e."exitedAt", e."durationMs"
    FROM session, jsonb_to_recordset($4::jsonb) AS e(seq int, "nodeId" text, "nodeType" text, outcome text,
                                                    "enteredAt" timestamp, "exitedAt" timestamp, "durationMs" int)
    ON CONFLICT ("sessionId", seq) DO UPDATE
    SET outcome = EXCLUDED.outcome, "exitedAt" = EXCLUDED."exitedAt", "durationMs" = EXCLUDED."durationMs"
    RETURNING 1
  )
  SELECT EXISTS (SELECT 1 FROM session) AS found, (SELECT count(*) FROM written) AS written,
    (SELECT status FROM prior) AS "priorStatus", s."contactId", s."channelId", s."isTest"
  FROM (SELECT 1) one LEFT JOIN session s ON true`;
