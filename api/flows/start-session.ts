// Starts a flow session: the FlowSession row first (so the caller has its id, and routing sees
// the contact as busy before the workflow runs), in the same statement that loads the session's
// context (contact, conversation, workspace hours), then the workflow with that context. With a
// first input (a triggering message) that finds a session for the contact and channel started
// meanwhile, it is signalWithStart: the message goes to that one instead of being lost (or starts
// this one, if that one has just ended; the workflow drops the duplicate of its firstInput).
import { randomUUID } from 'node:crypto';
import type { FlowDocument } from '#flow-dsl/document';
import type { FlowInput } from '#flow-dsl/inputs';
import type { FlowProgram } from '#flow-dsl/program';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { TenantDb } from '#db/tenant-db';
import { flowSessionWorkflowId } from '#workflows/flow-session/ids';
import { inboundMessageSignal, sessionStateQuery, type FlowSessionInput } from '#workflows/flow-session/messages';
import type { SessionContext, TriggerType } from '#workflows/flow-session/state';
import type { Services } from '../context.ts';
import { AppError } from '../errors.ts';
import { eagerStartOption } from '../temporal-client.ts';
import type { StartedSession } from './session-schemas.ts';
import { openSessionRow } from './session-sql.ts';

export const FLOW_SESSION_WORKFLOW = 'flowSessionWorkflow';

export type SessionStart = {
  flowId: string;
  flowVersionId: string | null;
  program: FlowProgram;
  document: FlowDocument;
  channelId: string;
  contactId: string;
  variables: Record<string, unknown>;
  triggerType: TriggerType;
  isTest?: boolean;
  firstInput?: FlowInput;
};

type StartServices = Pick<Services, 'temporal' | 'env' | 'pool'>;

/** A session whose row exists, with the context its workflow starts from. */
export type OpenedSession = StartedSession & { context: SessionContext };

export async function startFlowSession(
  services: StartServices,
  db: TenantDb,
  start: SessionStart,
): Promise<StartedSession> {
  const session = await createSessionRow(services, db, start);
  const sessionId = await startSessionWorkflow(services, db, session, start);
  return { sessionId, workflowId: session.workflowId };
}

/** The row alone: the test panel creates it before its customer's opening message (test-flow.ts). */
export async function createSessionRow(
  services: StartServices,
  db: TenantDb,
  start: SessionStart,
): Promise<OpenedSession> {
  const sessionId = randomUUID();
  const workflowId = flowSessionWorkflowId({ tenantId: db.tenantId, ...start });
  const opened = await openSessionRow(services.pool, {
    tenantId: db.tenantId,
    sessionId,
    flowId: start.flowId,
    flowVersion: start.program.flowVersion,
    channelId: start.channelId,
    contactId: start.contactId,
    workflowId,
    triggerType: start.triggerType,
    isTest: start.isTest ?? false,
  });
  if (!opened.ok) {
    throw opened.missing === 'flow' ? AppError.notFound('Flow') : AppError.notFound('Contact');
  }
  return { sessionId, workflowId, context: opened.context };
}

export async function startSessionWorkflow(
  services: StartServices,
  db: TenantDb,
  { sessionId, workflowId, context }: OpenedSession,
  start: SessionStart,
): Promise<string> {
  const input: FlowSessionInput = {
    tenantId: db.tenantId,
    channelId: start.channelId,
    contactId: start.contactId,
    sessionId,
    flowId: start.flowId,
    program: start.program,
    variables: initialVariables(start.document, start.variables),
    triggerType: start.triggerType,
    isTest: start.isTest ?? false,
    context,
    ...(start.firstInput ? { firstInput: start.firstInput } : {}),
  };
  const options = { taskQueue: services.env.TEMPORAL_TASK_QUEUE, workflowId, args: [input] as [FlowSessionInput] };
  let running: string;
  try {
    running = await startOrJoin(services.temporal, options, start.firstInput);
  } catch (error) {
    await db.flowSession.update({ where: { id: sessionId }, data: { status: 'failed', endedAt: new Date() } });
    throw error instanceof WorkflowExecutionAlreadyStartedError
      ? new AppError('CONFLICT', 'The contact already has a flow session on this channel')
      : error;
  }
  if (running !== sessionId) {
    // The message went to the session already running: this row's session never ran.
    await db.flowSession.delete({ where: { id: sessionId } });
  }
  return running;
}

/**
 * A plain start, which this process's worker can take at once (eager start): a first input
 * travels in the workflow's input. If the contact's session started meanwhile, the first input
 * goes to it by signalWithStart (or starts this one, if that one has just ended). Returns the id
 * of the session that runs.
 */
async function startOrJoin(
  temporal: Services['temporal'],
  options: { taskQueue: string; workflowId: string; args: [FlowSessionInput] },
  firstInput: FlowInput | undefined,
): Promise<string> {
  const [input] = options.args;
  try {
    await temporal.workflow.start(FLOW_SESSION_WORKFLOW, { ...options, ...eagerStartOption(temporal) });
    return input.sessionId;
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError && firstInput)) {
      throw error;
    }
    const handle = await temporal.workflow.signalWithStart(FLOW_SESSION_WORKFLOW, {
      ...options,
      signal: inboundMessageSignal,
      signalArgs: [firstInput],
    });
    return (await handle.query(sessionStateQuery)).sessionId;
  }
}

/** The document's declared variables with their defaults, overridden by the values given. */
function initialVariables(document: FlowDocument, given: Record<string, unknown>): Record<string, unknown> {
  const defaults = Object.fromEntries(
    document.variables.filter((v) => v.defaultValue !== undefined).map((v) => [v.name, v.defaultValue]),
  );
  return { ...defaults, ...given };
}
