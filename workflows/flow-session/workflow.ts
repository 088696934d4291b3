// Interprets one flow program for one contact on one channel (docs/flow-engine.md). Handlers
// first, then the loop: enter the step at the cursor, run its handler, follow the output handle.
// Waits, timers and every side effect go through wait.ts and activities, so the loop is
// deterministic and survives worker restarts, and continues as new before its history grows.
import { ActivityFailure, ApplicationFailure, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import { PROGRAM_FORMAT } from '#flow-dsl/program-format';
import { records } from './activities.ts';
import {
  cancelSessionUpdate,
  handBackSignal,
  inboundMessageSignal,
  pauseSessionSignal,
  sessionStateQuery,
  type CancelSession,
} from './messages.ts';
import { continueAsNewWith, describe, fail, finish, jumpTo } from './lifecycle.ts';
import { createSession, nextSeq, receive, stateOf, type Session } from './session.ts';
import { DEFAULT_MAX_STEPS_PER_RUN, type FlowSessionInput, type SessionStatus } from './state.ts';
import { STEP_HANDLERS } from './steps/index.ts';
import { holdWhilePaused } from './wait.ts';

export type { FlowSessionInput } from './state.ts';
export { flowSessionWorkflowId } from './ids.ts';

const FINAL: ReadonlySet<SessionStatus> = new Set(['completed', 'cancelled', 'failed', 'timed_out']);

export async function flowSessionWorkflow(input: FlowSessionInput): Promise<{ status: SessionStatus }> {
  // Handlers before the first await: signals sent with the start are delivered into them.
  let session: Session | null = null;
  // What arrives while the session loads (before `session` exists) is applied once it does.
  const early: Parameters<typeof receive>[1][] = [];
  let cancelledEarly = false;
  setHandler(inboundMessageSignal, (message) => {
    if (session) {
      receive(session, message);
    } else {
      early.push(message);
    }
  });
  let pausedEarly = false;
  setHandler(pauseSessionSignal, () => {
    if (session) {
      session.paused = true;
    } else {
      pausedEarly = true;
    }
  });
  setHandler(handBackSignal, () => {
    if (session?.paused) {
      // Resuming a pause. Paused at a handoff node, the agent is handing back as well.
      session.paused = false;
      if (session.status === 'handed_off' && !session.heldByPause) {
        session.handedBack = true;
      }
    } else if (session?.status === 'handed_off') {
      session.handedBack = true;
    }
  });
  setHandler(sessionStateQuery, () => (session ? stateOf(session) : pendingState(input)));
  setHandler(
    cancelSessionUpdate,
    async (_request: CancelSession) => {
      if (session) {
        session.cancelRequested = true;
      } else {
        cancelledEarly = true;
      }
      // Resolves once the loop stopped: cancelled, or finished otherwise in the meantime.
      await condition(() => session !== null && FINAL.has(session.status));
      return stateOf(session as Session);
    },
    {
      validator: (_request: CancelSession) => {
        if (cancelledEarly || (session && (FINAL.has(session.status) || session.cancelRequested))) {
          throw ApplicationFailure.nonRetryable('The session is not running', 'SessionNotRunning'); // rejected: no history
        }
      },
    },
  );

  const context = input.carried?.context ?? input.context ?? (await startSession(input));
  session = createSession(input, context, input.carried);
  session.cancelRequested = cancelledEarly;
  session.paused ||= pausedEarly;
  for (const message of early) {
    receive(session, message);
  }
  return run(session);
}

async function run(session: Session): Promise<{ status: SessionStatus }> {
  const maxSteps = session.input.maxStepsPerRun ?? DEFAULT_MAX_STEPS_PER_RUN;
  if (session.program.format !== PROGRAM_FORMAT) {
    return fail(session, `Program format ${String(session.program.format)} is not supported`);
  }
  while (session.cursor !== null && !session.cancelRequested) {
    if (session.paused) {
      await holdWhilePaused(session); // no step runs while an agent has the conversation
      if (session.cancelRequested) {
        break;
      }
    }
    const step = session.program.steps[session.cursor];
    const handler = step ? STEP_HANDLERS[step.type] : undefined;
    if (!step || !handler) {
      return fail(session, `The program has no runnable step "${session.cursor}"`);
    }
    session.recorder.enter(step, nextSeq(session));
    let result;
    try {
      result = await handler(session, step);
    } catch (error) {
      // A permanent activity failure or a bad flow ends the session as failed. Anything else is
      // a bug in this code: rethrown, it fails the workflow task, which Temporal retries until a
      // fixed worker is deployed, and the session resumes instead of being lost.
      if (!(error instanceof ActivityFailure || error instanceof ApplicationFailure)) {
        throw error;
      }
      session.recorder.exit('error');
      return fail(session, describe(error));
    }
    session.stepsThisRun += 1;
    if ('end' in result) {
      session.recorder.exit(result.end === 'cancelled' ? null : 'end');
      return finish(session, result.end);
    }
    if ('jump' in result) {
      session.recorder.exit('jump');
      return jumpTo(session, result.jump);
    }
    session.recorder.exit(result.handle);
    session.cursor = step.next[result.handle] ?? null; // an output with no edge ends the session
    if (session.cursor === null && result.handle === 'timeout') {
      return finish(session, 'timed_out'); // the customer never answered and the flow stops there
    }
    if (session.cursor !== null && (session.stepsThisRun >= maxSteps || workflowInfo().continueAsNewSuggested)) {
      return continueAsNewWith(session, session.program);
    }
  }
  return finish(session, session.cancelRequested ? 'cancelled' : 'completed');
}

async function startSession(input: FlowSessionInput) {
  return records.startFlowSession({
    tenantId: input.tenantId,
    sessionId: input.sessionId,
    flowId: input.flowId,
    flowVersion: input.program.flowVersion,
    channelId: input.channelId,
    contactId: input.contactId,
    workflowId: workflowInfo().workflowId,
    triggerType: input.triggerType,
    isTest: input.isTest,
  });
}

function pendingState(input: FlowSessionInput) {
  const { sessionId, flowId, program } = input;
  return {
    sessionId,
    flowId,
    flowVersion: program.flowVersion,
    status: 'running' as const,
    currentNodeId: null,
    variables: {},
  };
}
