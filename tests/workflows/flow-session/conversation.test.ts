// Handoff to a team and hand back, cancelling a waiting session, closing the conversation.
import { cancelSessionUpdate, handBackSignal } from '#workflows/flow-session/messages';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import {
  createFlowRow,
  program,
  said,
  seedCustomer,
  startSession,
  textsSentBy,
  waitingAt,
  type Customer,
} from './harness.ts';

jest.setTimeout(60_000);

let app: TestApp;
let customer: Customer;
let flowId: string;
beforeAll(async () => {
  app = await startTestApp();
  customer = await seedCustomer(app);
  flowId = await createFlowRow(app, customer.tenant.tenantId);
});
afterAll(() => app?.stop());

describe('[flows] conversation', () => {
  it('hands the conversation to a team, waits for an agent, and continues when handed back', async () => {
    const team = await app.prisma.team.create({ data: { tenantId: customer.tenant.tenantId, name: 'Support' } });
    const prog = program(flowId, {
      agent: {
        type: 'handoff',
        data: { target: { type: 'team', teamId: team.id }, message: 'An agent will be with you', waitHours: 1 },
        next: { returned: 'ask', timeout: null },
      },
      ask: { type: 'ask_question', data: { prompt: 'Did we help?' }, next: { answered: 'bye' } },
      bye: { type: 'close_conversation', data: { message: 'Thanks, bye' } },
    });
    const { sessionId, handle } = await startSession(app, customer, prog);
    await waitingAt(handle, 'agent', 'handed_off');
    const conversation = await app.prisma.conversation.findFirstOrThrow({ where: { contactId: customer.contactId } });
    expect(conversation).toMatchObject({ teamId: team.id, assigneeUserId: null });
    expect(await app.prisma.flowSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      status: 'handed_off',
      currentNodeId: 'agent',
    });
    // Said to the agent: not an answer to the flow's next question.
    await handle.signal('inboundMessage', said('my order is late'));
    await handle.signal(handBackSignal, { userId: null });
    await waitingAt(handle, 'ask');
    await handle.signal('inboundMessage', said('yes'));
    await expect(handle.result()).resolves.toEqual({ status: 'completed' });
    expect(await textsSentBy(app, sessionId)).toEqual(['An agent will be with you', 'Did we help?', 'Thanks, bye']);
    const closed = await app.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
  });

  it('cancels a waiting session through the update, once', async () => {
    const prog = program(flowId, {
      ask: { type: 'ask_question', data: { prompt: 'Your name?' }, next: { answered: 'thanks' } },
      thanks: { type: 'send_text', data: { text: 'Thanks' } },
    });
    const { sessionId, handle } = await startSession(app, customer, prog);
    await waitingAt(handle, 'ask');
    const state = await handle.executeUpdate(cancelSessionUpdate, { args: [{ reason: 'test' }] });
    expect(state).toMatchObject({ sessionId, status: 'cancelled', currentNodeId: 'ask' });
    await expect(handle.result()).resolves.toEqual({ status: 'cancelled' });
    expect(await app.prisma.flowSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      status: 'cancelled',
    });
    expect(await textsSentBy(app, sessionId)).toEqual(['Your name?']);
  });

  it('rejects cancelling a session that already finished', async () => {
    const prog = program(flowId, {
      ask: { type: 'ask_question', data: { prompt: 'Ready?' }, next: { answered: 'wait' } },
      wait: { type: 'ask_question', data: { prompt: 'Sure?' } },
    });
    const { handle } = await startSession(app, customer, prog);
    await waitingAt(handle, 'ask');
    await handle.executeUpdate(cancelSessionUpdate, { args: [{}] });
    await handle.result();
    await expect(handle.executeUpdate(cancelSessionUpdate, { args: [{}] })).rejects.toThrow();
  });
});
