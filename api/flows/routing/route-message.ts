// One inbound message: to the live session, or to the first trigger that fires.
import { WorkflowNotFoundError } from '@temporalio/client';
import type { TenantDb } from '#db/tenant-db';
import { inboundMessageSignal } from '#workflows/flow-session/messages';
import type { AppDeps } from '../../context.ts';
import { loadActiveVersion } from '../load-active-version.ts';
import { findLiveSession } from '../session-sql.ts';
import { LIVE_SESSION_STATUSES } from '../session-statuses.ts';
import { startFlowSession } from '../start-session.ts';
import { activeTriggers } from './active-triggers.ts';
import { matchTrigger } from './match-trigger.ts';
import { messageFacts } from './message-facts.ts';
import type { RoutedMessage } from './routed-message.ts';
import { toFlowInput } from './to-flow-input.ts';

export async function routeMessage(deps: AppDeps, db: TenantDb, message: RoutedMessage): Promise<void> {
  const input = toFlowInput(message);
  if (!input) {
    return; // reactions, system notices: nothing a flow answers
  }
  // A session live when the message was stored is live now, or its signal finds it gone (below).
  // None then means none yet: a session started since (an earlier message) is looked up.
  const session =
    message.liveSession ?? (await findLiveSession(deps.pool, db.tenantId, message.channelId, message.contactId));
  if (session?.status === 'handed_off') {
    return; // an agent has the conversation: the message is for the inbox only
  }
  if (session) {
    try {
      await deps.temporal.workflow.getHandle(session.workflowId).signal(inboundMessageSignal, input);
      return;
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) {
        throw error;
      }
      if (session.isTest) {
        return; // a test run's opening message, before its runner starts the workflow (test-flow.ts)
      }
      // The workflow ended without its row saying so (or just ended): close a row still marked live,
      // and treat the contact as free.
      await db.flowSession.updateMany({
        where: { id: session.id, status: { in: [...LIVE_SESSION_STATUSES] } },
        data: { status: 'failed', endedAt: new Date() },
      });
      deps.logger.warn({ sessionId: session.id }, 'flow session workflow was gone; row closed');
    }
  }
  const match = await matchTrigger(await activeTriggers(db), messageFacts(deps.pool, db, message));
  if (!match) {
    return;
  }
  const version = await loadActiveVersion(db, match.versionId);
  await startFlowSession(deps, db, {
    flowId: match.flowId,
    flowVersionId: version.id,
    program: version.program,
    document: version.document,
    channelId: message.channelId,
    contactId: message.contactId,
    variables: {},
    triggerType: match.trigger.type,
    firstInput: input,
  });
}
