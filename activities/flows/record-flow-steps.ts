// Writes a batch of step events and the session's status in one transaction. Events are keyed by
// (sessionId, seq): a retried activity, or an event first written open (a node that waits) and
// later closed, upserts the same row, so nothing is counted twice.
import { ApplicationFailure } from '@temporalio/activity';
import { createTenantDb } from '#db/tenant-db';
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
    const db = createTenantDb(deps.prisma, input.tenantId);
    await db.transaction(async (tx) => {
      const exists = await tx.flowSession.count({ where: { id: input.sessionId, tenantId: input.tenantId } });
      if (exists === 0) {
        // Its flow or contact was deleted (the rows cascade): retrying would never succeed.
        throw ApplicationFailure.nonRetryable(`Flow session ${input.sessionId} no longer exists`, 'SessionGone');
      }
      for (const event of input.events) {
        const closing = {
          outcome: event.outcome,
          exitedAt: event.exitedAt === null ? null : new Date(event.exitedAt),
          durationMs: event.exitedAt === null ? null : event.exitedAt - event.enteredAt,
        };
        await tx.flowStepEvent.upsert({
          where: { sessionId_seq: { sessionId: input.sessionId, seq: event.seq } },
          create: {
            tenantId: input.tenantId,
            sessionId: input.sessionId,
            flowId: input.flowId,
            seq: event.seq,
            nodeId: event.nodeId,
            nodeType: event.nodeType,
            enteredAt: new Date(event.enteredAt),
            ...closing,
          },
          update: closing,
        });
      }
      if (input.session) {
        const { status, currentNodeId } = input.session;
        await tx.flowSession.update({
          where: { id: input.sessionId, tenantId: input.tenantId },
          data: { status, currentNodeId, ...(FINAL.has(status) ? { endedAt: new Date() } : {}) },
        });
      }
    });
  };
}
