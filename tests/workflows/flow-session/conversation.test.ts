// Handoff to a team and hand back, closing the conversation, and what may be sent when: media
// and templates, and the 24-hour window.
import { handBackSignal } from '#workflows/flow-session/messages';
import { eventually } from '../../support/eventually.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import {
  createFlowRow,
  program,
  said,
  seedCustomer,
  sentBy,
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
    await waitingAt(app, handle, 'agent', 'handed_off');
    const conversation = await app.prisma.conversation.findFirstOrThrow({ where: { contactId: customer.contactId } });
    expect(conversation).toMatchObject({ teamId: team.id, assigneeUserId: null });
    expect(await app.prisma.flowSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      status: 'handed_off',
      currentNodeId: 'agent',
    });
    // Said to the agent: not an answer to the flow's next question.
    await handle.signal('inboundMessage', said('my order is late'));
    await handle.signal(handBackSignal, { userId: null });
    await waitingAt(app, handle, 'ask');
    await handle.signal('inboundMessage', said('yes'));
    await expect(handle.result()).resolves.toEqual({ status: 'completed' });
    expect(await textsSentBy(app, sessionId)).toEqual(['An agent will be with you', 'Did we help?', 'Thanks, bye']);
    const closed = await app.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(closed.status).toBe('resolved');
    expect(closed.closedAt).not.toBeNull();
  });

  it('takes `timeout` when no agent hands the conversation back in time', async () => {
    const prog = program(flowId, {
      agent: { type: 'handoff', next: { returned: null, timeout: 'sorry' } },
      sorry: { type: 'send_text', data: { text: 'Nobody came, sorry' } },
    });
    // Below the schema's minimum (36 s), which only the builder enforces: a two-second wait.
    (prog.steps.agent?.data as { waitHours: number }).waitHours = 2 / 3600;
    const { sessionId, handle } = await startSession(app, customer, prog);
    await expect(handle.result()).resolves.toEqual({ status: 'completed' });
    expect(await textsSentBy(app, sessionId)).toEqual(['Nobody came, sorry']);
  });

  it('media and templates go out; outside the 24-hour window a text fails the session, not retried', async () => {
    const late = await seedCustomer(app, 'Cleo');
    const lateFlow = await createFlowRow(app, late.tenant.tenantId);
    const prog = program(lateFlow, {
      photo: {
        type: 'send_media',
        data: { mediaType: 'image', link: 'https://example.com/{{vars.file}}', caption: 'Your {{vars.file}}' },
        next: { next: 'closeWindow' },
      },
      closeWindow: { type: 'delay', data: { amount: 2, unit: 'seconds' }, next: { next: 'template' } },
      template: {
        type: 'send_template',
        data: { templateName: 'hello_world', language: 'en_US' },
        next: { next: 'text' },
      },
      text: { type: 'send_text', data: { text: 'Free text' } },
    });
    const { sessionId, handle } = await startSession(app, late, prog, { variables: { file: 'cat.png' } });
    // While the session waits out its delay, the customer's last message becomes two days old.
    await eventually(
      async () => /^(sent|delivered|read)$/.test((await sentBy(app, sessionId))[0]?.status ?? ''),
      'the photo sent',
    );
    await app.prisma.conversation.updateMany({
      where: { contactId: late.contactId },
      data: { lastInboundAt: new Date(Date.now() - 48 * 3_600_000) },
    });
    await expect(handle.result()).rejects.toThrow();
    const sent = await sentBy(app, sessionId);
    // The text is never handed to WhatsApp: it stays in the conversation as failed, saying why.
    expect(sent.map((m) => [m.type, m.status, m.errorTitle])).toEqual([
      ['image', expect.stringMatching(/sent|delivered|read/), null],
      ['template', expect.stringMatching(/sent|delivered|read/), null],
      ['text', 'failed', 'Re-engagement message'],
    ]);
    expect(sent[0]?.content).toEqual({
      type: 'image',
      image: { link: 'https://example.com/cat.png', caption: 'Your cat.png' },
    });
    expect(await app.prisma.flowSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      status: 'failed',
      currentNodeId: 'text',
    });
  });
});
