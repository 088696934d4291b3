// The test panel: the DRAFT (compiled as version 0) runs for a fresh simulated customer on the
// tenant's Sandbox number. The session row is created first, the customer's opening message is
// sent and stored, then the workflow starts with it as first input (a draft has no trigger to
// match). Every later input travels the real path: simulator → signed webhook → ingestion →
// routing → signal. A fresh customer per run means test sessions never collide with each other
// or with real ones. The answer comes when the session ends, waits with no inputs left, or at the timeout;
// a session still in progress then is cancelled, since nobody will ever answer it.
import type { TenantContext } from '../../context.ts';
import { compileDraft } from '../compile-draft.ts';
import { getFlowRow, readDraft } from '../flow-view.ts';
import type { TestFlowInput, TestRunResult } from '../session-schemas.ts';
import { stopFlowSession } from '../cancel-flow-session.ts';
import { createSessionRow, startSessionWorkflow, type SessionStart } from '../start-session.ts';
import { defaultOpeningText, sendOpeningMessage } from './opening-message.ts';
import { createTestCustomer, sendAsCustomer } from './simulated-customer.ts';
import { isFinished, watchSession } from './watch-session.ts';
import { testReport } from './test-report.ts';

export async function testFlow(flowId: string, input: TestFlowInput, ctx: TenantContext): Promise<TestRunResult> {
  const deadline = Date.now() + input.timeoutSeconds * 1000;
  const flow = await getFlowRow(ctx.db, flowId);
  const document = readDraft(flow);
  const program = compileDraft(document, flowId, 0);
  const customer = await createTestCustomer(ctx, input);
  const start: SessionStart = {
    flowId,
    flowVersionId: null,
    program,
    document,
    channelId: customer.channelId,
    contactId: customer.contactId,
    variables: input.variables,
    triggerType: 'test',
    isTest: true,
  };
  const started = await createSessionRow(ctx.services, ctx.db, start);
  const opening = input.firstMessage ?? defaultOpeningText(document);
  const firstInput = await sendOpeningMessage(ctx, customer, opening, deadline).catch(async (error: unknown) => {
    await ctx.db.flowSession.update({
      where: { id: started.sessionId },
      data: { status: 'failed', endedAt: new Date() },
    });
    throw error;
  });
  // A start that joined a session already running for this contact answers with that one's id.
  const session = {
    ...started,
    sessionId: await startSessionWorkflow(ctx.services, ctx.db, started, { ...start, firstInput }),
  };
  const watcher = watchSession(ctx, session, customer.contactId, deadline);
  let state = await watcher.settled(null);
  for (const text of input.inputs) {
    if (!state || isFinished(state.status)) {
      break;
    }
    await sendAsCustomer(ctx, customer.waId, text);
    state = await watcher.settled(state);
  }
  const timedOut = state === null; // settled() gives null only at the deadline
  const last = state ?? (await watcher.snapshot());
  if (!isFinished(last.status)) {
    await stopFlowSession(ctx, { id: session.sessionId, workflowId: session.workflowId }, 'test run over');
  }
  return testReport(ctx, session.sessionId, customer, last, timedOut);
}
