// The interpreter's mutable state for one run, and the few operations every step uses. Plain
// data plus functions: what goes into continue-as-new is exactly `carry(session)`.
import type { FlowInput } from '#flow-dsl/inputs';
import type { FlowProgram } from '#flow-dsl/program';
import type { FlowScope } from '#flow-dsl/scope';
import type { SessionState } from './messages.ts';
import { inputText } from '#flow-dsl/answers';
import { Recorder } from './recorder.ts';
import {
  SEEN_IDS_LIMIT,
  type CarriedState,
  type FlowSessionInput,
  type SessionContext,
  type SessionStatus,
} from './state.ts';

export type Session = {
  input: FlowSessionInput;
  program: FlowProgram;
  context: SessionContext;
  cursor: string | null;
  variables: Record<string, unknown>;
  lastInput: FlowInput | null;
  inbox: FlowInput[];
  seen: string[];
  seq: number;
  http: { status: number; body: unknown } | null;
  jumpsWithoutWait: number;
  status: SessionStatus;
  cancelRequested: boolean;
  handedBack: boolean;
  /** An agent paused the bot from the inbox (pauseSessionSignal) and has not resumed it yet. */
  paused: boolean;
  /** The session is parked because of the pause (holdWhilePaused), not at a handoff node. */
  heldByPause: boolean;
  stepsThisRun: number;
  recorder: Recorder;
};

export function createSession(input: FlowSessionInput, context: SessionContext, carried?: CarriedState): Session {
  const session: Session = {
    input,
    program: input.program,
    context,
    cursor: carried ? carried.cursor : input.program.entry,
    variables: carried?.variables ?? { ...input.variables },
    lastInput: carried ? carried.lastInput : (input.firstInput ?? null),
    inbox: carried ? [...carried.pendingInputs] : [],
    seen: carried ? [...carried.seenMessageIds] : [],
    seq: carried?.seq ?? 0,
    http: carried?.http ?? null,
    jumpsWithoutWait: carried?.jumpsWithoutWait ?? 0,
    status: 'running',
    cancelRequested: false,
    handedBack: false,
    paused: carried?.paused ?? false,
    heldByPause: false,
    stepsThisRun: 0,
    recorder: null as unknown as Recorder, // set just below: the recorder reads the session it records
  };
  session.recorder = new Recorder(session);
  if (!carried && input.firstInput) {
    remember(session, input.firstInput.providerMessageId); // the trigger is not an answer: never queued
  }
  return session;
}

/** Queues a customer message unless it was seen already (Meta redelivers webhooks). */
export function receive(session: Session, message: FlowInput): void {
  if (session.seen.includes(message.providerMessageId)) {
    return;
  }
  remember(session, message.providerMessageId);
  if (session.paused) {
    return; // an agent has the conversation: this message is theirs, the bot never answers it
  }
  session.inbox.push(message);
}

function remember(session: Session, providerMessageId: string): void {
  session.seen.push(providerMessageId);
  if (session.seen.length > SEEN_IDS_LIMIT) {
    session.seen.splice(0, session.seen.length - SEEN_IDS_LIMIT);
  }
}

/** The next sequence number: step events and sends share it, so every send key is unique. */
export function nextSeq(session: Session): number {
  session.seq += 1;
  return session.seq;
}

export function scopeOf(session: Session): FlowScope {
  return {
    contact: session.context.contact,
    vars: session.variables,
    lastInput: session.lastInput ? inputText(session.lastInput) : null,
    http: session.http,
  };
}

export function stateOf(session: Session): SessionState {
  return {
    sessionId: session.input.sessionId,
    flowId: session.program.flowId,
    flowVersion: session.program.flowVersion,
    status: session.status,
    currentNodeId: session.cursor,
    variables: session.variables,
    paused: session.paused,
  };
}

export function carry(session: Session): CarriedState {
  return {
    cursor: session.cursor,
    variables: session.variables,
    lastInput: session.lastInput,
    pendingInputs: session.inbox,
    seenMessageIds: session.seen,
    seq: session.seq,
    http: session.http,
    jumpsWithoutWait: session.jumpsWithoutWait,
    ...(session.paused ? { paused: true } : {}),
    context: session.context,
  };
}
