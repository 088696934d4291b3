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
  while (session.inbox.length === 0) {
    await park(session, 'waiting');
    // `paused` is false in every history recorded before pausing existed, so this condition and
    // the commands below are unchanged for them (no patch needed): only a pause signal differs.
    const arrived = await condition(
      () => session.inbox.length > 0 || session.cancelRequested || session.paused,
      timeoutSeconds * 1000,
    );
    session.status = 'running';
    if (session.paused && !session.cancelRequested && session.inbox.length === 0) {
      await holdWhilePaused(session);
      continue; // resumed: the question waits again, with its full timeout
    }
    if (!arrived) {
      return 'timeout';
    }
    break;
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

/**
 * While an agent has paused the bot: parked as handed_off (so routing leaves customer messages
 * to the inbox) until handBack resumes it or the session is cancelled.
 */
export async function holdWhilePaused(session: Session): Promise<void> {
  if (!session.paused || session.cancelRequested) {
    return;
  }
  session.heldByPause = true;
  await park(session, 'handed_off');
  await condition(() => !session.paused || session.cancelRequested);
  session.heldByPause = false;
  session.status = 'running';
  await session.recorder.flush(); // the row says running again before the next step
}

async function park(session: Session, status: SessionStatus): Promise<void> {
  session.status = status;
  session.jumpsWithoutWait = 0;
  await session.recorder.flush();
}
