// The start_flow action: starts the flow's published version for the contact on the channel,
// as POST /flows/:id/run does (trigger type `api`). A contact already in a session on that
// number keeps it: the action fails with that reason rather than cutting a conversation short.
import { ApplicationFailure } from '@temporalio/activity';
import { LIVE_SESSION_STATUSES } from '#api/flows/session-statuses';
import { loadActiveVersion } from '#api/flows/load-active-version';
import { startFlowSession } from '#api/flows/start-session';
import { createTenantDb } from '#db/tenant-db';
import type { ActivityDeps } from '../deps.ts';

type StartFlow = { tenantId: string; channelId: string; contactId: string; flowId: string };

export async function startAutomationFlow(deps: ActivityDeps, input: StartFlow): Promise<string> {
  const db = createTenantDb(deps.prisma, input.tenantId);
  const flow = await db.flow.findUnique({ where: { id: input.flowId }, select: { name: true, activeVersionId: true } });
  if (!flow?.activeVersionId) {
    throw ApplicationFailure.nonRetryable(
      flow ? `"${flow.name}" has no published version` : 'The flow no longer exists',
      'BadInput',
    );
  }
  const live = await db.flowSession.findFirst({
    where: { channelId: input.channelId, contactId: input.contactId, status: { in: [...LIVE_SESSION_STATUSES] } },
    select: { id: true, flowId: true },
  });
  if (live) {
    // A retried attempt finds the session its first attempt started: done, not a failure.
    if (live.flowId === input.flowId) {
      return `flow session ${live.id}`;
    }
    throw ApplicationFailure.nonRetryable('The contact is already in another flow session on this number', 'Conflict');
  }
  const version = await loadActiveVersion(db, flow.activeVersionId);
  const started = await startFlowSession(deps, db, {
    flowId: input.flowId,
    flowVersionId: version.id,
    program: version.program,
    document: version.document,
    channelId: input.channelId,
    contactId: input.contactId,
    variables: {},
    triggerType: 'api',
  });
  return `flow session ${started.sessionId}`;
}
