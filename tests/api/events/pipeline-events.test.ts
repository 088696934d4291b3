// The webhook pipeline's platform events: a customer's first message announces the contact, the
// conversation and the message once each; statuses that change a message announce it; nothing is
// recorded for a workspace nobody listens to.
import type { EventType } from '#api/events/schemas';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { connectCloudChannel, type SeededChannel } from '../../support/seed/channel.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { inboundWebhook, messagesWebhook, signedBody, unixNow, wamid } from '../../support/whatsapp-webhook.ts';
import { eventMatching, eventsOf, wantEvents } from './event-support.ts';

jest.setTimeout(60_000);

const PIPELINE_EVENTS: EventType[] = ['message.received', 'conversation.created', 'contact.created', 'message.status'];

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ SANDBOX_URL: 'off' });
});
afterAll(() => app.stop());

async function workspace(): Promise<{ tenant: SeededTenant; channel: SeededChannel }> {
  const tenant = await signUpTenant(app.http);
  return { tenant, channel: await connectCloudChannel(app.http, tenant.token) };
}

async function post(channel: SeededChannel, payload: unknown): Promise<void> {
  const { body, signature } = signedBody(payload, channel.appSecret);
  const response = await app.http.request('POST', `/webhooks/whatsapp/${channel.channelId}`, {
    rawBody: body,
    headers: { 'x-hub-signature-256': signature },
  });
  expect(response.status).toBe(200);
}

const text = (body: string) => ({ type: 'text', text: { body } });

describe('[events] inbound webhooks', () => {
  it('a first message announces the new contact, its conversation and the message; the next only the message', async () => {
    const { tenant, channel } = await workspace();
    await wantEvents(app, tenant.tenantId, PIPELINE_EVENTS);
    await post(channel, inboundWebhook(channel.phoneNumberId, '16505557001', 'Ada Lovelace', text('first')));
    const first = await eventMatching(app.prisma, tenant.tenantId, 'message.received', (e) => e.text === 'first');
    expect(first).toMatchObject({
      channelId: channel.channelId,
      type: 'text',
      conversationIsNew: true,
      contact: { phone: '+16505557001', name: 'Ada Lovelace' },
    });
    expect(await eventsOf(app.prisma, tenant.tenantId, 'contact.created')).toEqual([{ contact: first.contact }]);
    expect(await eventsOf(app.prisma, tenant.tenantId, 'conversation.created')).toEqual([
      { conversationId: first.conversationId, channelId: channel.channelId, contact: first.contact },
    ]);

    await post(channel, inboundWebhook(channel.phoneNumberId, '16505557001', 'Ada Lovelace', text('second')));
    const second = await eventMatching(app.prisma, tenant.tenantId, 'message.received', (e) => e.text === 'second');
    expect(second).toMatchObject({ conversationId: first.conversationId, conversationIsNew: false });
    expect(await eventsOf(app.prisma, tenant.tenantId, 'contact.created')).toHaveLength(1);
    expect(await eventsOf(app.prisma, tenant.tenantId, 'conversation.created')).toHaveLength(1);
  });

  it('several messages of a new customer in one webhook announce the contact and conversation once', async () => {
    const { tenant, channel } = await workspace();
    await wantEvents(app, tenant.tenantId, PIPELINE_EVENTS);
    const from = '16505557002';
    await post(
      channel,
      messagesWebhook(channel.phoneNumberId, {
        contacts: [{ wa_id: from, profile: { name: 'Grace' } }],
        messages: ['one', 'two', 'three'].map((body) => ({ from, id: wamid(), timestamp: unixNow(), ...text(body) })),
      }),
    );
    await eventMatching(app.prisma, tenant.tenantId, 'message.received', (e) => e.text === 'three');
    expect(await eventsOf(app.prisma, tenant.tenantId, 'message.received')).toHaveLength(3);
    expect(await eventsOf(app.prisma, tenant.tenantId, 'contact.created')).toHaveLength(1);
    expect(await eventsOf(app.prisma, tenant.tenantId, 'conversation.created')).toHaveLength(1);
  });
});

describe('[events] delivery statuses', () => {
  it('each status that changes a message is announced with its contact; a late or repeated one is not', async () => {
    const { tenant, channel } = await workspace();
    await wantEvents(app, tenant.tenantId, PIPELINE_EVENTS);
    await post(channel, inboundWebhook(channel.phoneNumberId, '16505557003', 'Linus', text('hello')));
    const conversation = await app.prisma.conversation.findFirstOrThrow({ where: { channelId: channel.channelId } });
    const providerMessageId = wamid();
    const message = await app.prisma.message.create({
      data: {
        tenantId: tenant.tenantId,
        conversationId: conversation.id,
        channelId: channel.channelId,
        contactId: conversation.contactId,
        direction: 'outbound',
        type: 'text',
        content: text('reply'),
        status: 'accepted',
        providerMessageId,
      },
    });
    const status = (value: string, offset: number, extra: Record<string, unknown> = {}) =>
      messagesWebhook(channel.phoneNumberId, {
        statuses: [
          { id: providerMessageId, status: value, timestamp: unixNow(offset), recipient_id: '16505557003', ...extra },
        ],
      });
    await post(channel, status('delivered', 10));
    await post(channel, status('read', 20));
    await post(channel, status('delivered', 15)); // late: changes nothing
    await post(channel, status('read', 20)); // repeated
    await eventMatching(app.prisma, tenant.tenantId, 'message.status', (e) => e.status === 'read');
    expect(await eventsOf(app.prisma, tenant.tenantId, 'message.status')).toEqual([
      {
        messageId: message.id,
        conversationId: conversation.id,
        channelId: channel.channelId,
        contactId: conversation.contactId,
        status: 'delivered',
        errorCode: null,
      },
      expect.objectContaining({ messageId: message.id, status: 'read', errorCode: null }),
    ]);
  });

  it('a failure carries its error code', async () => {
    const { tenant, channel } = await workspace();
    await wantEvents(app, tenant.tenantId, ['message.status']);
    await post(channel, inboundWebhook(channel.phoneNumberId, '16505557004', 'Margaret', text('hello')));
    const conversation = await app.prisma.conversation.findFirstOrThrow({ where: { channelId: channel.channelId } });
    const providerMessageId = wamid();
    await app.prisma.message.create({
      data: {
        tenantId: tenant.tenantId,
        conversationId: conversation.id,
        channelId: channel.channelId,
        contactId: conversation.contactId,
        direction: 'outbound',
        type: 'text',
        content: text('reply'),
        status: 'accepted',
        providerMessageId,
      },
    });
    await post(
      channel,
      messagesWebhook(channel.phoneNumberId, {
        statuses: [
          {
            id: providerMessageId,
            status: 'failed',
            timestamp: unixNow(),
            recipient_id: '16505557004',
            errors: [{ code: 131026, title: 'Message undeliverable' }],
          },
        ],
      }),
    );
    const failed = await eventMatching(app.prisma, tenant.tenantId, 'message.status', (e) => e.status === 'failed');
    expect(failed.errorCode).toBe(131026);
  });
});

describe('[events] nobody listening', () => {
  it('records no event for a workspace without subscriptions or rules', async () => {
    const { tenant, channel } = await workspace();
    await post(channel, inboundWebhook(channel.phoneNumberId, '16505557005', 'Quiet', text('anyone?')));
    await app.prisma.message.findFirstOrThrow({ where: { tenantId: tenant.tenantId, text: 'anyone?' } });
    // The same webhook for a listening workspace records its events within this wait.
    const listening = await workspace();
    await wantEvents(app, listening.tenant.tenantId, PIPELINE_EVENTS);
    await post(
      listening.channel,
      inboundWebhook(listening.channel.phoneNumberId, '16505557005', 'Quiet', text('anyone?')),
    );
    await eventMatching(app.prisma, listening.tenant.tenantId, 'message.received', (e) => e.text === 'anyone?');
    expect(await app.prisma.tenantEvent.count({ where: { tenantId: tenant.tenantId } })).toBe(0);
  });
});
