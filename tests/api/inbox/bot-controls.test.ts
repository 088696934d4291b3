// An agent takes over from the bot in the inbox and gives it back, on the real Temporal server:
// the bot shows where it is, stops answering while paused, picks up again on resume, and a stop
// cancels its session.
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { createFlow, questionDocument } from '../../support/seed/flow.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { eventually } from '../../support/eventually.ts';

jest.setTimeout(120_000);

let app: TestApp;
let tenant: SeededTenant;

beforeAll(async () => {
  app = await startTestApp();
  tenant = await signUpTenant(app.http);
  await createFlow(
    app.http,
    tenant.token,
    questionDocument('Name please', { type: 'keyword', keywords: [{ value: 'start', match: 'exact' }] }),
  );
});
afterAll(() => app.stop());

const auth = () => ({ token: tenant.token });

async function customer(name: string) {
  const created = await app.http.post('/api/sandbox/customers', { name }, auth());
  return created.body.waId as string;
}

function say(waId: string, text: string) {
  return app.http.post(`/api/sandbox/customers/${waId}/messages`, { type: 'text', text: { body: text } }, auth());
}

async function outboundTexts(waId: string): Promise<string[]> {
  const rows = await app.prisma.message.findMany({
    where: { tenantId: tenant.tenantId, direction: 'outbound', contact: { waId } },
    orderBy: { createdAt: 'asc' },
    select: { text: true },
  });
  return rows.map((row) => row.text ?? '');
}

/** A customer whose session waits at the question; returns its conversation id. */
async function atTheQuestion(name: string) {
  const waId = await customer(name);
  await say(waId, 'start');
  await eventually(
    async () => (await outboundTexts(waId)).some((t) => t.startsWith('What is your name')),
    'the question',
  );
  const conversation = await app.prisma.conversation.findFirstOrThrow({ where: { contact: { waId } } });
  const bot = await eventually(async () => {
    const response = await app.http.get(`/api/conversations/${conversation.id}/bot`, auth());
    return response.body.session?.status === 'waiting' ? response.body.session : null;
  }, 'the session waiting');
  return { waId, conversationId: conversation.id, bot };
}

describe('[inbox] bot controls', () => {
  it('shows the live session with its current node, in the conversation too', async () => {
    const { conversationId, bot } = await atTheQuestion('Bot Watcher');
    expect(bot).toMatchObject({
      flowName: 'Name please',
      flowVersion: 1,
      status: 'waiting',
      paused: false,
      currentNode: { id: 'ask', type: 'ask_question', label: expect.any(String) },
    });
    const detail = await app.http.get(`/api/conversations/${conversationId}`, auth());
    expect(detail.body.bot).toMatchObject({ sessionId: bot.sessionId, status: 'waiting' });
  });

  it('pause: the bot stops answering; resume: it answers the next message where it was', async () => {
    const { waId, conversationId } = await atTheQuestion('Paused Customer');
    const paused = await app.http.post(`/api/conversations/${conversationId}/bot/pause`, undefined, auth());
    expect(paused.status).toBe(200);
    expect(paused.body.session).toMatchObject({ paused: true, status: 'handed_off' });
    await eventually(
      async () =>
        (await app.prisma.flowSession.findFirst({ where: { contact: { waId }, status: 'handed_off' } })) !== null,
      'the session row handed off',
    );

    await say(waId, 'Bob');
    await eventually(
      async () => (await app.prisma.message.count({ where: { contact: { waId }, text: 'Bob' } })) > 0,
      'the message stored for the inbox',
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await outboundTexts(waId)).not.toContain('Thanks, Bob');

    const resumed = await app.http.post(`/api/conversations/${conversationId}/bot/resume`, undefined, auth());
    expect(resumed.body.session).toMatchObject({ paused: false, status: 'waiting' });
    await say(waId, 'Carol');
    await eventually(async () => (await outboundTexts(waId)).includes('Thanks, Carol'), 'the bot answering again');
    expect(await outboundTexts(waId)).not.toContain('Thanks, Bob');
  });

  it('stop cancels the session; then there is no bot to pause', async () => {
    const { conversationId, bot } = await atTheQuestion('Stopped Customer');
    const stopped = await app.http.post(`/api/conversations/${conversationId}/bot/stop`, undefined, auth());
    expect(stopped.status).toBe(200);
    expect(stopped.body).toEqual({ session: null });
    expect((await app.prisma.flowSession.findUniqueOrThrow({ where: { id: bot.sessionId } })).status).toBe('cancelled');
    const again = await app.http.post(`/api/conversations/${conversationId}/bot/pause`, undefined, auth());
    expect(again.status).toBe(409);
  });

  it('a paused bot can be stopped', async () => {
    const { conversationId, bot } = await atTheQuestion('Paused Then Stopped');
    await app.http.post(`/api/conversations/${conversationId}/bot/pause`, undefined, auth());
    const stopped = await app.http.post(`/api/conversations/${conversationId}/bot/stop`, undefined, auth());
    expect(stopped.body).toEqual({ session: null });
    expect((await app.prisma.flowSession.findUniqueOrThrow({ where: { id: bot.sessionId } })).status).toBe('cancelled');
  });
});
