// The inbound half of the WhatsApp pipeline, fed with webhooks signed like Meta's.
import { signatureFor } from '#api/whatsapp/signature';
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

function post(payload: unknown, secret = channel.appSecret) {
  const { body, signature } = signedBody(payload, secret);
  return app.http.request('POST', `/webhooks/whatsapp/${channel.channelId}`, {
    rawBody: body,
    headers: { 'x-hub-signature-256': signature },
  });
}

const messageCount = () => app.prisma.message.count({ where: { tenantId: tenant.tenantId } });

describe('[webhooks] verification handshake', () => {
  it('echoes the challenge for the right verify token only', async () => {
    const path = `/webhooks/whatsapp/${channel.channelId}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=`;
    const ok = await fetch(`${app.url}${path}${channel.verifyToken}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    expect((await fetch(`${app.url}${path}wrong`)).status).toBe(403);
  });
});

describe('[webhooks] inbound messages', () => {
  it('stores a text message with its contact and conversation, and opens the 24-hour window', async () => {
    const response = await post(
      inboundWebhook(channel.phoneNumberId, '16505551234', 'Sheena Nelson', {
        type: 'text',
        text: { body: 'Hi there, é and 👋' },
      }),
    );
    expect(response.status).toBe(200);
    const message = await app.prisma.message.findFirstOrThrow({
      where: { tenantId: tenant.tenantId, text: { contains: 'Hi there' } },
      include: { contact: true, conversation: true },
    });
    expect(message).toMatchObject({
      direction: 'inbound',
      type: 'text',
      status: 'received',
      text: 'Hi there, é and 👋',
    });
    expect(message.contact).toMatchObject({ waId: '16505551234', phone: '+16505551234', profileName: 'Sheena Nelson' });
    expect(message.conversation.unreadCount).toBe(1);
    const conversation = await app.http.get(`/api/conversations/${message.conversationId}`, { token: tenant.token });
    expect(new Date(conversation.body.windowClosesAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
  });

  it('stores a redelivered webhook once', async () => {
    const payload = inboundWebhook(channel.phoneNumberId, '16505550001', 'Twice', {
      type: 'text',
      text: { body: 'only once please' },
    });
    expect((await post(payload)).status).toBe(200);
    expect((await post(payload)).status).toBe(200);
    expect(await app.prisma.message.count({ where: { text: 'only once please' } })).toBe(1);
    const conversation = await app.prisma.conversation.findFirstOrThrow({
      where: { contact: { waId: '16505550001' } },
    });
    expect(conversation.unreadCount).toBe(1);
  });

  it.each([
    [
      'image',
      {
        type: 'image',
        image: { caption: 'my receipt', mime_type: 'image/jpeg', sha256: 'SfInY0GUI=', id: '1037543291543636' },
      },
    ],
    ['video', { type: 'video', video: { mime_type: 'video/mp4', sha256: 'abc', id: '2037543291543636' } }],
    [
      'audio',
      {
        type: 'audio',
        audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'abc', id: '3037543291543636', voice: true },
      },
    ],
    [
      'document',
      {
        type: 'document',
        document: { filename: 'invoice.pdf', mime_type: 'application/pdf', sha256: 'abc', id: '4037543291543636' },
      },
    ],
    [
      'sticker',
      { type: 'sticker', sticker: { mime_type: 'image/webp', sha256: 'abc', id: '5037543291543636', animated: false } },
    ],
    [
      'location',
      { type: 'location', location: { latitude: 38.9, longitude: -77.03, name: 'Office', address: '1 Main St' } },
    ],
    [
      'contacts',
      {
        type: 'contacts',
        contacts: [{ name: { formatted_name: 'Ada Lovelace' }, phones: [{ phone: '+1 415 555 0100', type: 'WORK' }] }],
      },
    ],
    [
      'interactive',
      {
        type: 'interactive',
        interactive: { type: 'list_reply', list_reply: { id: 'priority_express', title: 'Priority Mail Express' } },
      },
    ],
    [
      'button',
      {
        type: 'button',
        button: { payload: 'Unsubscribe', text: 'Unsubscribe' },
        context: { from: '15550783881', id: 'wamid.template' },
      },
    ],
    ['reaction', { type: 'reaction', reaction: { message_id: 'wamid.HBgL', emoji: '👍' } }],
    [
      'unsupported',
      {
        type: 'unsupported',
        unsupported: { type: 'poll_creation' },
        errors: [{ code: 131051, title: 'Message type unknown' }],
      },
    ],
    ['a type Meta adds later', { type: 'future_thing', future_thing: { anything: true } }],
  ])('stores a %s message, never dropping it', async (_label, message) => {
    const id = wamid();
    const payload = messagesWebhook(channel.phoneNumberId, {
      contacts: [{ wa_id: '16505559999', profile: { name: 'Typist' } }],
      messages: [{ from: '16505559999', id, timestamp: unixNow(), ...message }],
    });
    expect((await post(payload)).status).toBe(200);
    const stored = await app.prisma.message.findFirstOrThrow({
      where: { providerMessageId: id },
      include: { media: true },
    });
    expect(stored.type).toBe(message.type);
    expect((stored.content as Record<string, unknown>)[message.type]).toEqual(
      (message as Record<string, unknown>)[message.type],
    );
    if (['image', 'video', 'audio', 'document', 'sticker'].includes(message.type)) {
      expect(stored.media).toMatchObject({ status: expect.stringMatching(/pending|failed/) });
    }
  });
});

describe('[webhooks] refusing what is not from Meta', () => {
  it('answers 401 to a bad signature and stores nothing', async () => {
    const before = await messageCount();
    const forged = await post(
      inboundWebhook(channel.phoneNumberId, '16505550002', 'Mallory', { type: 'text', text: { body: 'forged' } }),
      'not-the-secret',
    );
    expect(forged.status).toBe(401);
    const unsigned = await app.http.request('POST', `/webhooks/whatsapp/${channel.channelId}`, {
      rawBody: '{"object":"whatsapp_business_account"}',
    });
    expect(unsigned.status).toBe(401);
    expect(await messageCount()).toBe(before);
  });

  it('survives random and truncated bodies: never a 500, never a stored row', async () => {
    const before = await messageCount();
    const valid = JSON.stringify(
      inboundWebhook(channel.phoneNumberId, '16505550003', 'Fuzz', { type: 'text', text: { body: 'fuzz' } }),
    );
    const bodies: unknown[] = [];
    for (let cut = 1; cut < valid.length; cut += Math.ceil(valid.length / 40)) {
      bodies.push(valid.slice(0, cut));
    }
    bodies.push(
      ...Array.from({ length: 60 }, randomJson),
      '',
      'null',
      '[]',
      '{"object":"whatsapp_business_account","entry":[]}',
    );
    for (const candidate of bodies) {
      const text = typeof candidate === 'string' ? candidate : JSON.stringify(candidate);
      const response = await app.http.request('POST', `/webhooks/whatsapp/${channel.channelId}`, {
        rawBody: text,
        headers: { 'x-hub-signature-256': signatureFor(text, channel.appSecret) },
      });
      expect({ body: text.slice(0, 80), status: response.status < 500 }).toEqual({
        body: text.slice(0, 80),
        status: true,
      });
    }
    expect(await messageCount()).toBe(before);
  });
});

function randomJson(): unknown {
  const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;
  const depth = (d: number): unknown => {
    if (d > 3) {
      return pick([null, 1, 'x', true, -0.5, '']);
    }
    return pick([
      () => ({
        object: pick(['whatsapp_business_account', 'page', 1]),
        entry: pick([[], [{ id: 'x', changes: [{ field: 'messages', value: depth(d + 1) }] }], depth(d + 1)]),
      }),
      () => [depth(d + 1), depth(d + 1)],
      () => ({ messaging_product: 'whatsapp', metadata: depth(d + 1), messages: [depth(d + 1)] }),
      () => pick([null, 42, 'text', false]),
    ])();
  };
  return depth(0);
}
