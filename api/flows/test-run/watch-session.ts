// Watches a test session until it settles: ended, or waiting for the customer after doing
// something new (a step, a message) since the last settled state. The workflow's state query is
// the source of truth for status and variables; the database adds the counts that show progress.
import { sessionStateQuery, type SessionState } from '#workflows/flow-session/messages';
import type { TenantContext } from '../../context.ts';
import type { StartedSession } from '../session-schemas.ts';

export type Snapshot = {
  status: SessionState['status'];
  currentNodeId: string | null;
  variables: Record<string, unknown>;
  progress: string;
};

const POLL_MS = 200;
const FINISHED = new Set(['completed', 'cancelled', 'failed', 'timed_out']);

export function isFinished(status: string): boolean {
  return FINISHED.has(status);
}

export function watchSession(ctx: TenantContext, session: StartedSession, contactId: string, deadline: number) {
  const handle = ctx.services.temporal.workflow.getHandle(session.workflowId);

  const snapshot = async (): Promise<Snapshot> => {
    const [row, steps, botMessages] = await Promise.all([
      ctx.db.flowSession.findUnique({
        where: { id: session.sessionId },
        select: { status: true, currentNodeId: true },
      }),
      ctx.db.flowStepEvent.count({ where: { sessionId: session.sessionId } }),
      ctx.db.message.count({ where: { contactId, direction: 'outbound' } }),
    ]);
    const state = await handle.query(sessionStateQuery).catch(() => null);
    const status = (state?.status ?? row?.status ?? 'running') as SessionState['status'];
    const currentNodeId = state?.currentNodeId ?? row?.currentNodeId ?? null;
    return {
      status,
      currentNodeId,
      variables: state?.variables ?? {},
      progress: `${currentNodeId}|${steps}|${botMessages}`,
    };
  };

  /** The next settled state after `previous`, or null at the deadline. */
  const settled = async (previous: Snapshot | null): Promise<Snapshot | null> => {
    while (Date.now() < deadline) {
      const current = await snapshot();
      const moved = !previous || current.progress !== previous.progress;
      if (isFinished(current.status) || (moved && (current.status === 'waiting' || current.status === 'handed_off'))) {
        return current;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return null;
  };

  return { snapshot, settled };
}
