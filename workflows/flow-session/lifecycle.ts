// How a run ends: finished (completed, cancelled, timed out), failed, or continued as new (more
// steps, or a jump to another flow). Each writes the last step events and the session status
// first and lets running handlers (a cancel update) finish, as Temporal requires.
import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
} from '@temporalio/workflow';
import type { FlowProgram } from '#flow-dsl/program';
import { carry, type Session } from './session.ts';
import { MAX_JUMPS_WITHOUT_WAIT, type SessionStatus } from './state.ts';
import type { flowSessionWorkflow } from './workflow.ts';

export type SessionResult = { status: SessionStatus };

export async function finish(session: Session, status: SessionStatus): Promise<SessionResult> {
  session.status = status;
  await session.recorder.flush();
  await condition(allHandlersFinished);
  return { status };
}

export async function fail(session: Session, reason: string): Promise<never> {
  session.status = 'failed';
  await session.recorder.flush();
  await condition(allHandlersFinished);
  throw ApplicationFailure.nonRetryable(reason, 'FlowSessionFailed');
}

export async function jumpTo(session: Session, program: FlowProgram): Promise<SessionResult> {
  session.jumpsWithoutWait += 1;
  if (session.jumpsWithoutWait > MAX_JUMPS_WITHOUT_WAIT) {
    return fail(session, `${MAX_JUMPS_WITHOUT_WAIT} jumps between flows without waiting: a loop`);
  }
  session.cursor = program.entry;
  return continueAsNewWith(session, program);
}

export async function continueAsNewWith(session: Session, program: FlowProgram): Promise<SessionResult> {
  await session.recorder.flush();
  if (session.cancelRequested) {
    return finish(session, 'cancelled'); // the cancel handler waits for this run to end
  }
  await condition(allHandlersFinished);
  return continueAsNew<typeof flowSessionWorkflow>({ ...session.input, program, carried: carry(session) });
}

export function describe(error: unknown): string {
  if (error instanceof ActivityFailure) {
    return error.cause?.message ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
