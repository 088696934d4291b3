// Creates the FlowSession row and loads what the session's templates read (contact, conversation,
// workspace time zone and opening hours). The API does this itself when it starts a session and
// passes the context in the workflow's input; this activity serves sessions started without one.
import { ApplicationFailure } from '@temporalio/activity';
import { openSessionRow, type OpenSession } from '#api/flows/session-sql';
import type { SessionContext } from '#workflows/flow-session/state';
import type { ActivityDeps } from '../deps.ts';

export type StartFlowSessionInput = OpenSession;

export function createStartFlowSessionActivity(deps: ActivityDeps) {
  return async function startFlowSession(input: StartFlowSessionInput): Promise<SessionContext> {
    const opened = await openSessionRow(deps.pool, input);
    if (!opened.ok) {
      const what = opened.missing === 'flow' ? `Flow ${input.flowId}` : `Contact ${input.contactId}`;
      throw ApplicationFailure.nonRetryable(`${what} does not exist`, 'NotFound');
    }
    return opened.context;
  };
}
