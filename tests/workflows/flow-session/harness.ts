// Shared by the flow-session tests: a workspace with a simulated customer on its Sandbox number
// (who said "hi", so the 24-hour window is open), hand-written programs, and ways to start a
// session, talk to it and read what it sent. Sessions are started directly, not through routing.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { NODE_DATA_SCHEMAS, type NodeType } from '#flow-dsl/catalogue';
import type { FlowInput } from '#flow-dsl/inputs';
import { PROGRAM_FORMAT, type FlowProgram, type ProgramStep } from '#flow-dsl/program';
import { sessionStateQuery } from '#workflows/flow-session/messages';
import type { FlowSessionInput } from '#workflows/flow-session/state';
import { flowSessionWorkflow } from '#workflows/flow-session/workflow';
import { eventually } from '../../support/eventually.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import type { TestApp } from '../../support/test-app.ts';

export type SessionHandle = WorkflowHandle<typeof flowSessionWorkflow>;

export type Customer = { tenant: SeededTenant; channelId: string; contactId: string; waId: string };

export async function seedCustomer(app: TestApp, name = 'Ana Customer'): Promise<Customer> {
  const tenant = await signUpTenant(app.http);
  const token = tenant.token;
  const customer = await app.http.post('/api/sandbox/customers', { name }, { token });
  const waId: string = customer.body.waId;
  await app.http.post(`/api/sandbox/customers/${waId}/messages`, { type: 'text', text: { body: 'hi' } }, { token });
  const contact = await eventually(
    () => app.prisma.contact.findFirst({ where: { tenantId: tenant.tenantId, waId } }),
    'the customer as a contact',
  );
  const channel = await app.prisma.channel.findFirstOrThrow({ where: { tenantId: tenant.tenantId, kind: 'sandbox' } });
  await eventually(
    () => app.prisma.conversation.findFirst({ where: { contactId: contact.id, lastInboundAt: { not: null } } }),
    'the open conversation',
  );
  return { tenant, channelId: channel.id, contactId: contact.id, waId };
}

type StepSpec = { type: NodeType; data?: Record<string, unknown>; next?: Record<string, string | null> };

/** A program from steps by id; the first step is the entry. Data defaults are applied as compileFlow does. */
export function program(flowId: string, steps: Record<string, StepSpec>, flowVersion = 0): FlowProgram {
  const compiled = Object.fromEntries(
    Object.entries(steps).map(([id, spec]) => {
      const data: unknown = NODE_DATA_SCHEMAS[spec.type].parse(spec.data ?? {});
      return [id, { id, type: spec.type, data, next: spec.next ?? {} } as ProgramStep];
    }),
  );
  const entry = Object.keys(steps)[0] ?? null;
  return {
    format: PROGRAM_FORMAT,
    flowId,
    flowVersion,
    name: 'test',
    hash: 'test',
    entry,
    steps: compiled,
    variables: [],
  };
}

/** The Flow row sessions belong to (FlowSession.flowId references it). */
export async function createFlowRow(app: TestApp, tenantId: string, name = 'Test flow'): Promise<string> {
  const flow = await app.prisma.flow.create({ data: { tenantId, name: `${name} ${randomUUID()}`, draft: {} } });
  return flow.id;
}

/** A tenant integration with sealed credentials, as the integrations API stores it. */
export async function createIntegration(
  app: TestApp,
  tenantId: string,
  kind: string,
  credentials: object,
  settings: object = {},
): Promise<string> {
  const credentialsText = app.deps.secretBox.encrypt(JSON.stringify(credentials));
  const row = await app.prisma.integration.create({
    data: { tenantId, kind, name: `${kind} ${randomUUID()}`, settings, credentials: credentialsText },
  });
  return row.id;
}

export type StartOptions = Partial<Pick<FlowSessionInput, 'variables' | 'maxStepsPerRun' | 'firstInput'>> & {
  taskQueue?: string;
};

export async function startSession(app: TestApp, customer: Customer, prog: FlowProgram, options: StartOptions = {}) {
  const sessionId = randomUUID();
  const input: FlowSessionInput = {
    tenantId: customer.tenant.tenantId,
    channelId: customer.channelId,
    contactId: customer.contactId,
    sessionId,
    flowId: prog.flowId,
    program: prog,
    variables: options.variables ?? {},
    triggerType: 'test',
    isTest: true,
    ...(options.firstInput ? { firstInput: options.firstInput } : {}),
    ...(options.maxStepsPerRun ? { maxStepsPerRun: options.maxStepsPerRun } : {}),
  };
  const handle = await app.deps.temporal.workflow.start(flowSessionWorkflow, {
    taskQueue: options.taskQueue ?? app.deps.env.TEMPORAL_TASK_QUEUE,
    // Not flowSessionWorkflowId: tests run many sessions for one contact side by side.
    workflowId: `test-flow-session-${sessionId}`,
    args: [input],
  });
  return { sessionId, handle };
}

/** A customer message as routing would signal it. */
export function said(text: string, extra: Partial<FlowInput> = {}): FlowInput {
  return {
    messageId: randomUUID(),
    providerMessageId: `wamid.test-${randomUUID()}`,
    type: 'text',
    text,
    receivedAt: new Date().toISOString(),
    ...extra,
  };
}

/** Waits until the session waits (for the customer, or an agent) at `nodeId`: in the workflow and in its row. */
export async function waitingAt(app: TestApp, handle: SessionHandle, nodeId: string, status = 'waiting') {
  return eventually(async () => {
    const state = await handle.query(sessionStateQuery);
    const row = await app.prisma.flowSession.findUnique({ where: { id: state.sessionId } });
    const matches = (s: { status: string; currentNodeId: string | null } | null) =>
      s?.status === status && s.currentNodeId === nodeId;
    return matches(state) && matches(row) ? state : null;
  }, `the session to be ${status} at ${nodeId}`);
}

/** What the session sent, in order: the text of each message (interactive: its body). */
export async function sentBy(app: TestApp, sessionId: string) {
  const messages = await app.prisma.message.findMany({
    where: { idempotencyKey: { startsWith: `flow:${sessionId}:` } },
    orderBy: { createdAt: 'asc' },
    select: { text: true, type: true, status: true, errorTitle: true, content: true, idempotencyKey: true },
  });
  return messages;
}

export async function textsSentBy(app: TestApp, sessionId: string): Promise<Array<string | null>> {
  return (await sentBy(app, sessionId)).map((m) => m.text);
}
