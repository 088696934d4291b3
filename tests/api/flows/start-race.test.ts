// Two routings racing to start a session for the same contact (two API processes, each with a
// message from the customer): the second finds the workflow started and its message becomes the
// first session's next input instead of being lost or starting a second conversation.
import { randomUUID } from 'node:crypto';
import type { FlowInput } from '#flow-dsl/inputs';
import { createTenantDb } from '#db/tenant-db';
import { startFlowSession } from '#api/flows/start-session';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { createFlow, questionDocument } from '../../support/seed/flow.ts';
import { eventually } from '../../support/eventually.ts';

jest.setTimeout(90_000);

let app: TestApp;
let tenant: SeededTenant;
let channelId: string;

beforeAll(async () => {
  app = await startTestApp();
  tenant = await signUpTenant(app.http);
  channelId = (await app.http.get('/api/sandbox', { token: tenant.token })).body.channel.id;
});
afterAll(() => app.stop());

describe('[flows] starting a session', () => {
  it('sends a message that finds the session already started to that session', async () => {
    const flowId = await createFlow(app.http, tenant.token, questionDocument('Name please'));
    const customer = await app.http.post('/api/sandbox/customers', { name: 'Racer' }, { token: tenant.token });
    const waId: string = customer.body.waId;
    // The customer writes first (the 24-hour window); the flow has a manual trigger, so nothing starts.
    await app.http.post(
      `/api/sandbox/customers/${waId}/messages`,
      { type: 'text', text: { body: 'hello' } },
      { token: tenant.token },
    );
    const contact = await eventually(
      () => app.prisma.contact.findFirst({ where: { tenantId: tenant.tenantId, waId } }),
      'the contact',
    );
    const flow = await app.prisma.flow.findUniqueOrThrow({
      where: { id: flowId },
      include: { activeVersion: true },
    });
    const version = flow.activeVersion!;
    const db = createTenantDb(app.prisma, tenant.tenantId);
    const start = (text: string) =>
      startFlowSession(app.deps, db, {
        flowId,
        flowVersionId: version.id,
        program: version.program as never,
        document: version.document as never,
        channelId,
        contactId: contact.id,
        variables: {},
        triggerType: 'keyword',
        firstInput: textInput(text),
      });

    const first = await start('hello');
    const second = await start('Ada'); // the workflow id is taken: no error, the message is signalled

    expect(second).toEqual(first);
    await eventually(async () => {
      const thread = await app.http.get(`/api/sandbox/customers/${waId}/messages`, { token: tenant.token });
      return JSON.stringify(thread.body).includes('Thanks, Ada');
    }, 'the first session answering the second message');
    const prompts = await app.prisma.message.count({
      where: { tenantId: tenant.tenantId, contactId: contact.id, text: { startsWith: 'What is your name?' } },
    });
    expect(prompts).toBe(1); // one session asked, once
    // One session row: the second start's row was for a session that never ran.
    await eventually(
      async () => (await app.prisma.flowSession.findUnique({ where: { id: first.sessionId } }))?.status === 'completed',
      'the session completed',
    );
    const sessions = await app.prisma.flowSession.findMany({ where: { contactId: contact.id } });
    expect(sessions.map((s) => s.id)).toEqual([first.sessionId]);
  });
});

function textInput(text: string): FlowInput {
  return {
    messageId: randomUUID(),
    providerMessageId: `wamid.${randomUUID()}`,
    type: 'text',
    text,
    receivedAt: new Date().toISOString(),
  };
}
