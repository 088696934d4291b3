// Writes a batch of step events and the session's status in one statement. Events are keyed by
// (sessionId, seq): a retried activity, or an event first written open (a node that waits) and
// later closed, upserts the same row, so nothing is counted twice.
import { ApplicationFailure } from '@temporalio/activity';
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
    const { rows } = await deps.pool.query<{ found: boolean }>(RECORD_SQL, [
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
  };
}

// Runs on the system connection with the tenant named in every WHERE, like the sent-ledger.
const RECORD_SQL = `
  WITH session AS (
    UPDATE "FlowSession"
    SET status = COALESCE($5, status),
        "currentNodeId" = CASE WHEN $5::text IS NULL THEN "currentNodeId" ELSE $6 END,
        "endedAt" = CASE WHEN $7 THEN now() ELSE "endedAt" END,
        "updatedAt" = now()
    WHERE id = $2 AND "tenantId" = $1
    RETURNING id
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
  SELECT EXISTS (SELECT 1 FROM session) AS found, (SELECT count(*) FROM written) AS written`;
