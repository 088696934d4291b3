// Watches a test session until it settles: ended, or waiting for the customer again after it
// took the customer's latest message (it answered it, or moved to another node). The database
// is read before the workflow's state query, so a reply seen in the database implies the query
// already reflects the input that caused it.
import { sessionStateQuery, type SessionState } from '#workflows/flow-session/messages';
import type { TenantContext } from '../../context.ts';
import type { StartedSession } from '../session-schemas.ts';

export type Snapshot = {
  status: SessionState['status'];
  currentNodeId: string | null;
  variables: Record<string, unknown>;
  /** The customer's latest stored message, and how many bot messages followed it. */
  lastInboundId: string | null;
  repliesSince: number;
};

const POLL_MS = 200;
const FINISHED = new Set(['completed', 'cancelled', 'failed', 'timed_out']);

export function isFinished(status: string): boolean {
  return FINISHED.has(status);
}

export function watchSession(ctx: TenantContext, session: StartedSession, contactId: string, deadline: number) {
  const handle = ctx.services.temporal.workflow.getHandle(session.workflowId);

  const snapshot = async (): Promise<Snapshot> => {
    const where = { contactId };
    const lastInbound = await ctx.db.message.findFirst({
      where: { ...where, direction: 'inbound' },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true, createdAt: true },
    });
    const repliesSince = await ctx.db.message.count({
      where: { ...where, direction: 'outbound', ...(lastInbound ? { createdAt: { gt: lastInbound.createdAt } } : {}) },
    });
    const row = await ctx.db.flowSession.findUnique({
      where: { id: session.sessionId },
      select: { status: true, currentNodeId: true },
    });
    const state = await handle.query(sessionStateQuery).catch(() => null);
    return {
      status: (state?.status ?? row?.status ?? 'running') as SessionState['status'],
      currentNodeId: state?.currentNodeId ?? row?.currentNodeId ?? null,
      variables: state?.variables ?? {},
      lastInboundId: lastInbound?.id ?? null,
      repliesSince,
    };
  };

  /** The next settled state after `previous` (null: the first wait), or null at the deadline. */
  const settled = async (previous: Snapshot | null): Promise<Snapshot | null> => {
    while (Date.now() < deadline) {
      const current = await snapshot();
      if (isFinished(current.status) || (isParked(current) && tookLatestInput(previous, current))) {
        return current;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return null;
  };

  return { snapshot, settled };
}

function isParked(state: Snapshot): boolean {
  return state.status === 'waiting' || state.status === 'handed_off';
}

function tookLatestInput(previous: Snapshot | null, current: Snapshot): boolean {
  if (!previous) {
    return true;
  }
  const newInput = current.lastInboundId !== previous.lastInboundId;
  return newInput && (current.repliesSince > 0 || current.currentNodeId !== previous.currentNodeId);
}
