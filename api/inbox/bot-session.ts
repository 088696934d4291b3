// The contact's live flow session on a conversation's channel, as the inbox shows it: the row
// says which flow and since when, the workflow's state query says where it is now and whether an
// agent paused it. A workflow that does not answer in time (or is gone) leaves the row's view.
import { NODE_CATALOGUE, isNodeType } from '#flow-dsl/catalogue';
import { sessionStateQuery, type SessionState } from '#workflows/flow-session/messages';
import type { TenantContext } from '../context.ts';
import { LIVE_SESSION_STATUSES } from '../flows/session-statuses.ts';
import type { BotSession } from './schemas.ts';

const QUERY_TIMEOUT_MS = 1500;

export type LiveSessionRow = { id: string; workflowId: string; status: string; flowId: string };

export async function findLiveSession(ctx: TenantContext, conversation: { channelId: string; contactId: string }) {
  return ctx.db.flowSession.findFirst({
    where: {
      channelId: conversation.channelId,
      contactId: conversation.contactId,
      status: { in: [...LIVE_SESSION_STATUSES] },
    },
    orderBy: { startedAt: 'desc' },
    select: {
      id: true,
      workflowId: true,
      status: true,
      flowId: true,
      currentNodeId: true,
      startedAt: true,
      flow: { select: { name: true } },
      flowVersion: { select: { version: true } },
    },
  });
}

export async function getBotSession(
  ctx: TenantContext,
  conversation: { channelId: string; contactId: string },
): Promise<BotSession | null> {
  const row = await findLiveSession(ctx, conversation);
  if (!row) {
    return null;
  }
  const state = await querySession(ctx, row.workflowId);
  const status = (state?.status ?? row.status) as BotSession['status'];
  if (!(LIVE_SESSION_STATUSES as readonly string[]).includes(status)) {
    return null; // it ended since the row was read
  }
  const nodeId = state ? state.currentNodeId : row.currentNodeId;
  return {
    sessionId: row.id,
    flowId: row.flowId,
    flowName: row.flow.name,
    flowVersion: row.flowVersion?.version ?? null,
    status,
    paused: state?.paused ?? false,
    currentNode: nodeId ? await describeNode(ctx, row.id, nodeId) : null,
    startedAt: row.startedAt,
  };
}

async function querySession(ctx: TenantContext, workflowId: string): Promise<SessionState | null> {
  const handle = ctx.services.temporal.workflow.getHandle(workflowId);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), QUERY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([handle.query(sessionStateQuery).catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// The node's type from the session's latest step event (one probe of its (sessionId, seq)
// index) rather than the whole program: a step not yet recorded shows without a type.
async function describeNode(ctx: TenantContext, sessionId: string, nodeId: string) {
  const step = await ctx.db.flowStepEvent.findFirst({
    where: { sessionId, nodeId },
    orderBy: { seq: 'desc' },
    select: { nodeType: true },
  });
  const type = step?.nodeType ?? null;
  return { id: nodeId, type, label: type && isNodeType(type) ? NODE_CATALOGUE[type].label : null };
}
