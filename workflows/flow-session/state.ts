// What a session is started with and what it carries through continue-as-new.
import type { FlowInput } from '#flow-dsl/inputs';
import type { FlowProgram } from '#flow-dsl/program';
import type { FlowScopeContact } from '#flow-dsl/scope';

export type SessionStatus = 'running' | 'waiting' | 'handed_off' | 'completed' | 'cancelled' | 'failed' | 'timed_out';

/** keyword | new_conversation | outside_business_hours | api | test | jump (FlowSession.triggerType) */
export type TriggerType = 'keyword' | 'new_conversation' | 'outside_business_hours' | 'api' | 'test' | 'jump';

export type FlowSessionInput = {
  tenantId: string;
  channelId: string;
  contactId: string;
  /** FlowSession.id; the caller generates it (a uuid) so a retried start is idempotent. */
  sessionId: string;
  flowId: string;
  /** The program runs as started: publishing a new version never changes this session. */
  program: FlowProgram;
  /** Initial variables (the flow's declared ones, an API run's values). */
  variables: Record<string, unknown>;
  triggerType: TriggerType;
  isTest: boolean;
  /**
   * Loaded by the starter in the statement that created the session row. Sessions started
   * without it (before it existed) load it with the startFlowSession activity.
   */
  context?: SessionContext;
  /** The message that triggered the session: `{{last_input}}` from the first step on. */
  firstInput?: FlowInput;
  /** Set only by the session itself when it continues as new or jumps to another flow. */
  carried?: CarriedState;
  /** Steps per run before continue-as-new (default 500); tests force it with a tiny value. */
  maxStepsPerRun?: number;
};

/**
 * Everything the interpreter needs to resume in a new run exactly where it was. A run only ends
 * between two steps, so no step is ever half done across runs.
 */
export type CarriedState = {
  cursor: string | null;
  variables: Record<string, unknown>;
  lastInput: FlowInput | null;
  pendingInputs: FlowInput[];
  seenMessageIds: string[];
  seq: number;
  /** The last http_request node's response ({{http.status}}, {{http.body.x}}). */
  http: { status: number; body: unknown } | null;
  /** Jumps since the session last waited: flows jumping to each other in a circle are stopped. */
  jumpsWithoutWait?: number;
  /** Paused from the inbox when the run continued as new (absent: not paused). */
  paused?: boolean;
  context: SessionContext;
};

/** Loaded once per session by an activity: what templates read about the contact and workspace. */
export type SessionContext = {
  contact: ContactScope;
  conversationId: string;
  timezone: string;
  /** The workspace's opening hours (flow-dsl BusinessHours) as checked when loaded; null when unusable. */
  businessHours: unknown;
};

/** The contact as templates and conditions read it (flow-dsl's scope). */
export type ContactScope = FlowScopeContact;

export const DEFAULT_MAX_STEPS_PER_RUN = 500;
/** More jumps than this without waiting for anyone is a loop between flows, not a conversation. */
export const MAX_JUMPS_WITHOUT_WAIT = 10;
/** Provider message ids remembered against redelivered webhooks (carried through continue-as-new). */
export const SEEN_IDS_LIMIT = 200;
