// Routing through the real path: a simulated customer on the Sandbox phone → signed webhook →
// ingestion → routing → the flow session workflow → a reply on the phone.
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { createFlow, greetingDocument, questionDocument } from '../../support/seed/flow.ts';
import { eventually } from '../../support/eventually.ts';

jest.setTimeout(90_000);

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const keyword = (value: string, match = 'exact') => ({
  type: 'keyword',
  keywords: [{ value, match }],
  channelIds: [],
  priority: 0,
});

async function customerSays(tenant: SeededTenant, name: string, texts: string[]): Promise<string> {
  const customer = await app.http.post('/api/sandbox/customers', { name }, { token: tenant.token });
  for (const body of texts) {
    await say(tenant, customer.body.waId, body);
  }
  return customer.body.waId;
}

async function say(tenant: SeededTenant, waId: string, body: string): Promise<void> {
  const sent = await app.http.post(
    `/api/sandbox/customers/${waId}/messages`,
    { type: 'text', text: { body } },
    { token: tenant.token },
  );
  expect(sent.status).toBe(201);
}

async function phoneShows(tenant: SeededTenant, waId: string, text: string): Promise<void> {
  await eventually(async () => {
    const thread = await app.http.get(`/api/sandbox/customers/${waId}/messages`, { token: tenant.token });
    return JSON.stringify(thread.body).includes(text);
  }, `"${text}" on the customer's phone`);
}

async function sessionsOf(tenant: SeededTenant, waId: string) {
  return app.prisma.flowSession.findMany({
    where: { tenantId: tenant.tenantId, contact: { waId } },
    orderBy: { startedAt: 'asc' },
  });
}

async function storedInbound(tenant: SeededTenant, waId: string, count: number): Promise<void> {
  await eventually(
    async () =>
      (await app.prisma.message.count({
        where: { tenantId: tenant.tenantId, direction: 'inbound', contact: { waId } },
      })) >= count,
    `${count} stored message(s)`,
  );
}

describe('[flows] routing', () => {
  it('starts the flow whose keyword matches (case and accents aside), then signals its session', async () => {
    const tenant = await signUpTenant(app.http);
    await createFlow(app.http, tenant.token, greetingDocument('Other', 'Not this one', keyword('pricing')));
    await createFlow(app.http, tenant.token, questionDocument('Menu', keyword('menú')));

    const quiet = await customerSays(tenant, 'No Keyword', ['hello there']);
    await storedInbound(tenant, quiet, 1);

    const waId = await customerSays(tenant, 'Keyword Customer', ['  MENU ']);
    await phoneShows(tenant, waId, 'What is your name?');
    const [session] = await sessionsOf(tenant, waId);
    expect(session).toMatchObject({ triggerType: 'keyword', isTest: false });
    await say(tenant, waId, 'Ana');
    await phoneShows(tenant, waId, 'Thanks, Ana');
    await eventually(async () => (await sessionsOf(tenant, waId))[0]?.status === 'completed', 'the session to end');
    expect(await sessionsOf(tenant, quiet)).toEqual([]);
  });

  it('starts a new-conversation flow on the first message only', async () => {
    const tenant = await signUpTenant(app.http);
    await createFlow(
      app.http,
      tenant.token,
      greetingDocument('Welcome', 'Welcome to Acme!', {
        type: 'new_conversation',
        channelIds: [],
        priority: 0,
      }),
    );
    const waId = await customerSays(tenant, 'Newcomer', ['hi']);
    await phoneShows(tenant, waId, 'Welcome to Acme!');
    await eventually(async () => (await sessionsOf(tenant, waId))[0]?.status === 'completed', 'the greeting to end');
    await say(tenant, waId, 'one more thing');
    await storedInbound(tenant, waId, 2);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // routing runs after the webhook's answer
    const sessions = await sessionsOf(tenant, waId);
    expect(sessions.map((s) => s.triggerType)).toEqual(['new_conversation']);
  });

  it('outside business hours any message starts the catch-all flow, but a keyword of equal priority wins', async () => {
    const tenant = await signUpTenant(app.http);
    await app.prisma.tenantSettings.update({
      where: { tenantId: tenant.tenantId },
      data: { businessHours: { days: {} } }, // closed all week
    });
    await createFlow(
      app.http,
      tenant.token,
      greetingDocument('After hours', 'We are closed, back tomorrow', {
        type: 'outside_business_hours',
        channelIds: [],
        priority: 0,
      }),
    );
    await createFlow(app.http, tenant.token, greetingDocument('Prices', 'Our prices', keyword('price', 'contains')));
    const night = await customerSays(tenant, 'Night Owl', ['anyone there?']);
    await phoneShows(tenant, night, 'We are closed, back tomorrow');
    const pricing = await customerSays(tenant, 'Bargain Hunter', ['what is the price?']);
    await phoneShows(tenant, pricing, 'Our prices');
    expect((await sessionsOf(tenant, night)).map((s) => s.triggerType)).toEqual(['outside_business_hours']);
    expect((await sessionsOf(tenant, pricing)).map((s) => s.triggerType)).toEqual(['keyword']);
  });

  it('sends nothing to a session handed off to an agent, and replaces a session whose workflow is gone', async () => {
    const tenant = await signUpTenant(app.http);
    const flowId = await createFlow(
      app.http,
      tenant.token,
      greetingDocument('Menu', 'Here is the menu', keyword('menu')),
    );
    const waId = await customerSays(tenant, 'Handed Off', ['first']);
    await storedInbound(tenant, waId, 1);
    const contact = await app.prisma.contact.findFirstOrThrow({ where: { tenantId: tenant.tenantId, waId } });
    const channel = await app.prisma.channel.findFirstOrThrow({
      where: { tenantId: tenant.tenantId, kind: 'sandbox' },
    });
    const base = {
      tenantId: tenant.tenantId,
      flowId,
      channelId: channel.id,
      contactId: contact.id,
      triggerType: 'api',
    };
    const handedOff = await app.prisma.flowSession.create({
      data: { ...base, workflowId: 'flow-session-no-such-workflow', status: 'handed_off' },
    });

    await say(tenant, waId, 'menu');
    await storedInbound(tenant, waId, 2);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await sessionsOf(tenant, waId)).map((s) => [s.id, s.status])).toEqual([[handedOff.id, 'handed_off']]);

    // The same stale row, but listening: signalling fails, the row is closed, the trigger runs.
    await app.prisma.flowSession.update({ where: { id: handedOff.id }, data: { status: 'waiting' } });
    await say(tenant, waId, 'menu');
    await phoneShows(tenant, waId, 'Here is the menu');
    const sessions = await sessionsOf(tenant, waId);
    expect(sessions.map((s) => [s.id === handedOff.id, s.status === 'failed' || s.triggerType])).toEqual([
      [true, true],
      [false, 'keyword'],
    ]);
  });
});
