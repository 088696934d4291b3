// Cancels a session through the workflow's cancelSessionUpdate, which stops it at its next await
// and records the cancellation. A workflow that is already gone only needs its row closed.
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { cancelSessionUpdate } from '#workflows/flow-session/messages';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { LIVE_SESSION_STATUSES } from './session-statuses.ts';

export async function cancelFlowSession(sessionId: string, ctx: TenantContext): Promise<void> {
  const session = await ctx.db.flowSession.findUnique({
    where: { id: sessionId },
    select: { id: true, workflowId: true, status: true, flowId: true },
  });
  if (!session) {
    throw AppError.notFound('Flow session');
  }
  if (!(LIVE_SESSION_STATUSES as readonly string[]).includes(session.status)) {
    throw new AppError('CONFLICT', `The session has already ended (${session.status})`);
  }
  await stopFlowSession(ctx, session, 'cancelled from the API');
  await audit(ctx, {
    action: 'flow.session_cancelled',
    targetType: 'flow',
    targetId: session.flowId,
    metadata: { sessionId },
  });
}

export async function stopFlowSession(
  ctx: TenantContext,
  session: { id: string; workflowId: string },
  reason: string,
): Promise<void> {
  const userId = ctx.principal.kind === 'user' ? ctx.principal.userId : null;
  const handle = ctx.services.temporal.workflow.getHandle(session.workflowId);
  try {
    await handle.executeUpdate(cancelSessionUpdate, { args: [{ reason, userId }] });
    // The update answers once the loop stopped; the run closes just after. Waiting for it lets a
    // replacing session reuse the workflow id at once.
    await Promise.race([handle.result().catch(() => undefined), sleep(CLOSE_WAIT_MS)]);
  } catch (error) {
    // Gone, or finished and refusing the update (its validator): the row just has to say so.
    if (!(error instanceof WorkflowNotFoundError) && !(error instanceof WorkflowUpdateFailedError)) {
      throw error;
    }
  }
  await ctx.db.flowSession.updateMany({
    where: { id: session.id, status: { in: [...LIVE_SESSION_STATUSES] } },
    data: { status: 'cancelled', endedAt: new Date() },
  });
}

const CLOSE_WAIT_MS = 10_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
