// The composer's helpers: a failed message sent again once (never twice), and the channel's
// approved templates read from WhatsApp (the simulator behind the Sandbox number).
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
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

const auth = () => ({ token: tenant.token });

async function conversationWithCustomer(name: string) {
  const customer = await app.http.post('/api/sandbox/customers', { name }, auth());
  const waId = customer.body.waId as string;
  await app.http.post(`/api/sandbox/customers/${waId}/messages`, { type: 'text', text: { body: 'hello' } }, auth());
  return eventually(
    () => app.prisma.conversation.findFirst({ where: { tenantId: tenant.tenantId, contact: { waId } } }),
    'the conversation',
  );
}

async function failedMessage(conversation: { id: string; contactId: string }, text: string) {
  return app.prisma.message.create({
    data: {
      tenantId: tenant.tenantId,
      conversationId: conversation.id,
      channelId,
      contactId: conversation.contactId,
      direction: 'outbound',
      type: 'text',
      content: { type: 'text', text: { body: text } },
      text,
      status: 'failed',
      failedAt: new Date(),
      errorTitle: 'Not sent after several attempts',
      idempotencyKey: `test-${text}`,
    },
  });
}

describe('[inbox] retrying a failed message', () => {
  it('sends it again once; a second retry is a 409', async () => {
    const conversation = await conversationWithCustomer('Retry Customer');
    const message = await failedMessage(conversation, 'Your order has shipped');
    const retried = await app.http.post(`/api/messages/${message.id}/retry`, undefined, auth());
    expect(retried.status).toBe(202);
    expect(['queued', 'sending', 'sent']).toContain(retried.body.status);
    expect(retried.body.error).toBeNull();
    const again = await app.http.post(`/api/messages/${message.id}/retry`, undefined, auth());
    expect(again.status).toBe(409);
    const sent = await eventually(async () => {
      const row = await app.prisma.message.findUniqueOrThrow({ where: { id: message.id } });
      return row.providerMessageId ? row : null;
    }, 'the message handed to WhatsApp');
    expect(['sent', 'delivered', 'read']).toContain(sent.status);
    expect(
      await app.prisma.message.count({ where: { conversationId: conversation.id, text: 'Your order has shipped' } }),
    ).toBe(1);
  });

  it('refuses what is not a failed outbound message, and a closed window', async () => {
    const conversation = await conversationWithCustomer('Window Customer');
    const inbound = await app.prisma.message.findFirstOrThrow({ where: { conversationId: conversation.id } });
    expect((await app.http.post(`/api/messages/${inbound.id}/retry`, undefined, auth())).status).toBe(409);
    const message = await failedMessage(conversation, 'Late reply');
    await app.prisma.conversation.update({
      where: { id: conversation.id },
      data: { lastInboundAt: new Date(Date.now() - 25 * 3_600_000) },
    });
    const closed = await app.http.post(`/api/messages/${message.id}/retry`, undefined, auth());
    expect(closed.status).toBe(409);
    expect(closed.body.error.details.fields).toEqual([expect.objectContaining({ field: 'messageId' })]);
    expect((await app.prisma.message.findUniqueOrThrow({ where: { id: message.id } })).status).toBe('failed');
    const stranger = await signUpTenant(app.http);
    expect(
      (await app.http.post(`/api/messages/${message.id}/retry`, undefined, { token: stranger.token })).status,
    ).toBe(404);
  });
});

describe('[inbox] channel templates', () => {
  it("lists the channel's approved templates with their components", async () => {
    const response = await app.http.get(`/api/channels/${channelId}/templates`, auth());
    expect(response.status).toBe(200);
    expect(response.body.items).toContainEqual(
      expect.objectContaining({
        name: 'hello_world',
        language: expect.any(String),
        category: expect.any(String),
        status: 'APPROVED',
        components: expect.arrayContaining([expect.objectContaining({ type: expect.any(String) })]),
      }),
    );
    const stranger = await signUpTenant(app.http);
    expect((await app.http.get(`/api/channels/${channelId}/templates`, { token: stranger.token })).status).toBe(404);
    const bad = await app.http.get(`/api/channels/${channelId}/templates?status=LIVE`, auth());
    expect(bad.body.error.details.fields).toEqual([expect.objectContaining({ field: 'status' })]);
  });
});
