// The interpreter's waits. Each one shows the session's status in the database first (the
// recorder flushes), then waits on a durable timer that a customer message, a hand back or a
// cancellation ends early. `condition` with a timeout is the timer: replay-safe and cancellable.
import { condition } from '@temporalio/workflow';
import type { FlowInput } from '#flow-dsl/inputs';
import type { Session } from './session.ts';
import type { SessionStatus } from './state.ts';

export type WaitResult = FlowInput | 'timeout' | 'cancelled';

/** The next customer message, or why there is none. */
export async function waitForInput(session: Session, timeoutSeconds: number): Promise<WaitResult> {
  if (session.inbox.length === 0) {
    await park(session, 'waiting');
    const arrived = await condition(() => session.inbox.length > 0 || session.cancelRequested, timeoutSeconds * 1000);
    session.status = 'running';
    if (!arrived) {
      return 'timeout';
    }
  }
  if (session.cancelRequested) {
    return 'cancelled';
  }
  const message = session.inbox.shift() as FlowInput;
  session.lastInput = message;
  return message;
}

/** Waits for an agent to hand the conversation back: true if they did, false on timeout. */
export async function waitForHandBack(session: Session, timeoutSeconds: number): Promise<boolean | 'cancelled'> {
  session.handedBack = false;
  await park(session, 'handed_off');
  const returned = await condition(() => session.handedBack || session.cancelRequested, timeoutSeconds * 1000);
  session.status = 'running';
  return session.cancelRequested ? 'cancelled' : returned;
}

/** A delay: true when it ran out, 'cancelled' if the session was cancelled meanwhile. */
export async function pause(session: Session, seconds: number): Promise<true | 'cancelled'> {
  if (seconds <= 0) {
    return true;
  }
  await park(session, 'waiting');
  await condition(() => session.cancelRequested, seconds * 1000);
  session.status = 'running';
  return session.cancelRequested ? 'cancelled' : true;
}

async function park(session: Session, status: SessionStatus): Promise<void> {
  session.status = status;
  session.jumpsWithoutWait = 0;
  await session.recorder.flush();
}
