// The flow session's public messages: routing signals inbound messages, the inbox hands a
// conversation back, the UI reads the state and cancels a session (docs/flow-engine.md).
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { FlowInput } from '#flow-dsl/inputs';
import type { SessionStatus } from './state.ts';

export type { FlowSessionInput, SessionStatus } from './state.ts';

/** A customer message for the session; duplicates (same providerMessageId) are dropped. */
export const inboundMessageSignal = defineSignal<[FlowInput]>('inboundMessage');

/** An agent gives a handed-off conversation back to the flow (the handoff node's `returned`), or resumes a paused one. */
export type HandBack = { userId?: string | null };
export const handBackSignal = defineSignal<[HandBack]>('handBack');

/**
 * An agent takes the conversation over from the inbox: the session stops answering (it parks as
 * handed_off before its next step or at its wait, and customer messages are left to the inbox)
 * until handBackSignal resumes it. Sessions never paused replay exactly as before.
 */
export type PauseSession = { userId?: string | null };
export const pauseSessionSignal = defineSignal<[PauseSession]>('pauseSession');

export type SessionState = {
  sessionId: string;
  flowId: string;
  flowVersion: number;
  status: SessionStatus;
  currentNodeId: string | null;
  variables: Record<string, unknown>;
  /** An agent paused the bot from the inbox (pauseSessionSignal); absent on workers before it existed. */
  paused?: boolean;
};
export const sessionStateQuery = defineQuery<SessionState>('sessionState');

/**
 * Stops the session at its next await (a wait, a timer, between steps) and marks it cancelled.
 * Rejected by its validator (nothing written to history) once the session has finished.
 */
export type CancelSession = { reason?: string; userId?: string | null };
export const cancelSessionUpdate = defineUpdate<SessionState, [CancelSession]>('cancelSession');
