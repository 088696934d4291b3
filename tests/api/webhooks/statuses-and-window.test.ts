// Delivery statuses arriving out of order, the 24-hour rule on the send API, live updates over
// Socket.IO, and channel secrets at rest.
import { io, type Socket } from 'socket.io-client';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { connectCloudChannel, type SeededChannel } from '../../support/seed/channel.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { inboundWebhook, messagesWebhook, signedBody, unixNow, wamid } from '../../support/whatsapp-webhook.ts';

let app: TestApp;
let tenant: SeededTenant;
let channel: SeededChannel;

beforeAll(async () => {
  app = await startTestApp({ SANDBOX_URL: 'off' });
  tenant = await signUpTenant(app.http);
  channel = await connectCloudChannel(app.http, tenant.token);
});
afterAll(() => app.stop());

function post(payload: unknown) {
  const { body, signature } = signedBody(payload, channel.appSecret);
  return app.http.request('POST', `/webhooks/whatsapp/${channel.channelId}`, {
    rawBody: body,
    headers: { 'x-hub-signature-256': signature },
  });
}

async function outboundMessage(waId: string): Promise<{ id: string; providerMessageId: string }> {
  await post(inboundWebhook(channel.phoneNumberId, waId, 'Customer', { type: 'text', text: { body: 'hello' } }));
  const conversation = await app.prisma.conversation.findFirstOrThrow({
    where: { channelId: channel.channelId, contact: { waId } },
  });
  const providerMessageId = wamid();
  const row = await app.prisma.message.create({
    data: {
      tenantId: tenant.tenantId,
      conversationId: conversation.id,
      channelId: channel.channelId,
      contactId: conversation.contactId,
      direction: 'outbound',
      type: 'text',
      content: { type: 'text', text: { body: 'reply' } },
      status: 'sent',
      providerMessageId,
    },
  });
  return { id: row.id, providerMessageId };
}

function status(id: string, value: string, offsetSeconds: number, extra: Record<string, unknown> = {}) {
  return { id, status: value, timestamp: unixNow(offsetSeconds), recipient_id: '16505551111', ...extra };
}

describe('[webhooks] delivery statuses', () => {
  it('never moves backwards: a late "delivered" does not overwrite "read", but its time is kept', async () => {
    const message = await outboundMessage('16505551111');
    await post(messagesWebhook(channel.phoneNumberId, { statuses: [status(message.providerMessageId, 'read', 30)] }));
    await post(
      messagesWebhook(channel.phoneNumberId, { statuses: [status(message.providerMessageId, 'delivered', 20)] }),
    );
    await post(messagesWebhook(channel.phoneNumberId, { statuses: [status(message.providerMessageId, 'sent', 10)] }));
    const row = await app.prisma.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(row.status).toBe('read');
    expect(row.deliveredAt!.getTime()).toBeLessThan(row.readAt!.getTime());
  });

  it('"failed" keeps Meta\'s error, and does not undo a delivery', async () => {
    const failing = await outboundMessage('16505552222');
    const error = {
      code: 131026,
      title: 'Message undeliverable',
      error_data: { details: 'Recipient is not a WhatsApp user' },
    };
    await post(
      messagesWebhook(channel.phoneNumberId, {
        statuses: [status(failing.providerMessageId, 'failed', 5, { errors: [error] })],
      }),
    );
    expect(await app.prisma.message.findUniqueOrThrow({ where: { id: failing.id } })).toMatchObject({
      status: 'failed',
      errorCode: 131026,
      errorTitle: 'Message undeliverable',
      errorDetails: 'Recipient is not a WhatsApp user',
    });
    const delivered = await outboundMessage('16505553333');
    await post(
      messagesWebhook(channel.phoneNumberId, { statuses: [status(delivered.providerMessageId, 'delivered', 5)] }),
    );
    await post(
      messagesWebhook(channel.phoneNumberId, {
        statuses: [status(delivered.providerMessageId, 'failed', 6, { errors: [error] })],
      }),
    );
    expect((await app.prisma.message.findUniqueOrThrow({ where: { id: delivered.id } })).status).toBe('delivered');
  });

  it("links a status that arrives before the send recorded Meta's id, through biz_opaque_callback_data", async () => {
    const message = await outboundMessage('16505554444');
    await app.prisma.message.update({
      where: { id: message.id },
      data: { providerMessageId: null, status: 'sending' },
    });
    await post(
      messagesWebhook(channel.phoneNumberId, {
        statuses: [status(message.providerMessageId, 'delivered', 1, { biz_opaque_callback_data: message.id })],
      }),
    );
    expect(await app.prisma.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: 'delivered',
      providerMessageId: message.providerMessageId,
    });
  });
});

describe('[messages] the 24-hour customer-service window', () => {
  it('refuses free-form text to a contact who has not written, naming the field', async () => {
    const response = await app.http.post(
      '/api/messages',
      {
        channelId: channel.channelId,
        to: { phone: '+447700900123' },
        content: { type: 'text', text: { body: 'Hello cold contact' } },
      },
      { token: tenant.token },
    );
    expect(response.status).toBe(409);
    expect(response.body.error.details.fields[0]).toMatchObject({
      field: 'content.type',
      message: expect.stringContaining('24-hour'),
    });
  });

  it('accepts a reply inside the window and queues it once per idempotency key', async () => {
    await post(
      inboundWebhook(channel.phoneNumberId, '16505555555', 'Warm', { type: 'text', text: { body: 'question?' } }),
    );
    const body = {
      channelId: channel.channelId,
      to: { phone: '+16505555555' },
      content: { type: 'text', text: { body: 'answer!' } },
      idempotencyKey: 'reply-1',
    };
    const first = await app.http.post('/api/messages', body, { token: tenant.token });
    const again = await app.http.post('/api/messages', body, { token: tenant.token });
    expect(first.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    expect(await app.prisma.message.count({ where: { idempotencyKey: 'reply-1' } })).toBe(1);
  });
});

describe('[realtime] live updates', () => {
  it('pushes a stored inbound message to sockets of the tenant only', async () => {
    const other = await signUpTenant(app.http);
    const mine = await connect(tenant.token);
    const theirs = await connect(other.token);
    const seenByOther: unknown[] = [];
    theirs.on('message.created', (event) => seenByOther.push(event));
    const received = new Promise((resolve) => mine.once('message.created', resolve));
    await post(inboundWebhook(channel.phoneNumberId, '16505556666', 'Live', { type: 'text', text: { body: 'live!' } }));
    expect(await received).toMatchObject({ channelId: channel.channelId, direction: 'inbound' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seenByOther).toEqual([]);
    mine.close();
    theirs.close();
  });

  it('refuses a socket without a valid token', async () => {
    const socket = io(app.url, { auth: { token: 'nope' }, transports: ['websocket'], reconnection: false });
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toBe('UNAUTHENTICATED');
    socket.close();
  });
});

describe('[security] channel secrets at rest', () => {
  it('stores the access token, app secret and verify token encrypted, and never returns them', async () => {
    const row = await app.prisma.channel.findUniqueOrThrow({ where: { id: channel.channelId } });
    for (const secret of [channel.accessToken, channel.appSecret, channel.verifyToken]) {
      expect(JSON.stringify(row)).not.toContain(secret);
    }
    const listed = await app.http.get('/api/channels', { token: tenant.token });
    expect(JSON.stringify(listed.body)).not.toContain(channel.accessToken);
    expect(JSON.stringify(listed.body)).not.toContain(channel.appSecret);
  });
});

function connect(token: string): Promise<Socket> {
  const socket = io(app.url, { auth: { token }, transports: ['websocket'], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}
