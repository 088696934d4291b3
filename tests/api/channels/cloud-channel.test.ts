// A WhatsApp Cloud API channel against our simulator standing in for graph.facebook.com:
// verification, health (a revoked token disconnects the channel and notifies admins), the
// business profile with Meta's limits, and sends: retry classification end to end.
import { randomBytes } from 'node:crypto';
import { startMetaSimulator, type StartedMetaSimulator } from '#simulator/start-meta-simulator';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { connectCloudChannel, type SeededChannel } from '../../support/seed/channel.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { eventually } from '../../support/eventually.ts';

jest.setTimeout(60_000);

let meta: StartedMetaSimulator;
let app: TestApp;
let tenant: SeededTenant;
let channel: SeededChannel;
const wabaId = `1${Date.now()}`;

beforeAll(async () => {
  meta = await startMetaSimulator({ latencyMs: { min: 0, max: 0 } });
  app = await startTestApp({ GRAPH_API_URL: meta.url, SANDBOX_URL: 'off' });
  tenant = await signUpTenant(app.http);
  channel = await connectCloudChannel(app.http, tenant.token, { wabaId });
  meta.simulator.registerPhoneNumber({
    phoneNumberId: channel.phoneNumberId,
    wabaId,
    displayPhoneNumber: '15550783881',
    verifiedName: 'Acme Support',
    accessToken: channel.accessToken,
    appSecret: channel.appSecret,
    webhookUrl: `${app.url}/webhooks/whatsapp/${channel.channelId}`,
    throughputPerSecond: 1000,
  });
});
afterAll(async () => {
  await app?.stop();
  await meta?.stop();
});

describe('[channels] a Cloud API number', () => {
  it('verifies with Meta, fills the display number and name, and gets a health schedule', async () => {
    const verified = await app.http.post(`/api/channels/${channel.channelId}/verify`, undefined, {
      token: tenant.token,
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      status: 'connected',
      displayPhoneNumber: '15550783881',
      verifiedName: 'Acme Support',
      // An upgraded number: campaigns may send 1,000 messages/s from it.
      messagesPerSecond: 1000,
      messagingLimitTier: 'TIER_UNLIMITED',
    });
    const schedule = await app.deps.temporal.schedule.getHandle(`channel-health-${channel.channelId}`).describe();
    expect(schedule.action.type).toBe('startWorkflow');
  });

  it('names the refused credential when Meta rejects the token', async () => {
    const other = await connectCloudChannel(app.http, tenant.token, { wabaId });
    meta.simulator.registerPhoneNumber({
      phoneNumberId: other.phoneNumberId,
      wabaId,
      displayPhoneNumber: '15550000000',
      verifiedName: 'Other',
      accessToken: 'a-different-token',
      appSecret: other.appSecret,
      webhookUrl: `${app.url}/webhooks/whatsapp/${other.channelId}`,
    });
    const refused = await app.http.post(`/api/channels/${other.channelId}/verify`, undefined, { token: tenant.token });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.fields[0].field).toBe('accessToken');
    expect((await app.http.get(`/api/channels/${other.channelId}`, { token: tenant.token })).body.status).toBe(
      'disconnected',
    );
    expect((await app.http.delete(`/api/channels/${other.channelId}`, { token: tenant.token })).status).toBe(204);
  });

  it("checks the business profile against Meta's limits before sending, then saves it", async () => {
    const tooLong = await app.http.patch(
      `/api/channels/${channel.channelId}/business-profile`,
      { about: 'x'.repeat(140) },
      { token: tenant.token },
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.fields[0].field).toBe('about');
    const badSite = await app.http.patch(
      `/api/channels/${channel.channelId}/business-profile`,
      { websites: ['ftp://nope'] },
      { token: tenant.token },
    );
    expect(badSite.body.error.details.fields[0].field).toBe('websites.0');
    const saved = await app.http.patch(
      `/api/channels/${channel.channelId}/business-profile`,
      {
        about: 'We answer within the hour',
        description: 'Bikes and repairs',
        websites: ['https://acme.example'],
        vertical: 'RETAIL',
        email: 'help@acme.example',
      },
      { token: tenant.token },
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      about: 'We answer within the hour',
      vertical: 'RETAIL',
      websites: ['https://acme.example'],
    });
  });

  it('delivers a reply, and a revoked token disconnects the channel and notifies its admins', async () => {
    // The customer writes first, on WhatsApp (the simulator), which opens the 24-hour window there too.
    meta.simulator.customers.add(channel.phoneNumberId, { name: 'Rider', waId: '16505557777' });
    await meta.simulator.customers.send(channel.phoneNumberId, '16505557777', {
      type: 'text',
      text: { body: 'is my bike ready?' },
    });
    await eventually(
      async () => (await app.http.get('/api/conversations', { token: tenant.token })).body.items[0],
      "the customer's message",
    );
    const send = (text: string) =>
      app.http.post(
        '/api/messages',
        {
          channelId: channel.channelId,
          to: { phone: '+16505557777' },
          content: { type: 'text', text: { body: text } },
        },
        { token: tenant.token },
      );
    const ok = await send('Yes, come by after 5');
    await eventually(
      async () =>
        ['sent', 'delivered', 'read'].includes(
          (await app.http.get(`/api/messages/${ok.body.id}`, { token: tenant.token })).body.status,
        ),
      'the send',
    );

    meta.simulator.registerPhoneNumber({
      phoneNumberId: channel.phoneNumberId,
      wabaId,
      displayPhoneNumber: '15550783881',
      verifiedName: 'Acme Support',
      accessToken: `revoked-${randomBytes(4).toString('hex')}`,
      appSecret: channel.appSecret,
      webhookUrl: `${app.url}/webhooks/whatsapp/${channel.channelId}`,
    });
    const refused = await send('Are you still there?');
    const failed = await eventually(async () => {
      const message = (await app.http.get(`/api/messages/${refused.body.id}`, { token: tenant.token })).body;
      return message.status === 'failed' ? message : null;
    }, 'the refused send to fail');
    expect(failed.error.code).toBe(190);
    const after = await app.http.get(`/api/channels/${channel.channelId}`, { token: tenant.token });
    expect(after.body).toMatchObject({
      status: 'disconnected',
      statusReason: expect.stringContaining('refused the credentials'),
    });
    const notifications = await app.http.get('/api/notifications', { token: tenant.token });
    expect(notifications.body.unreadCount).toBeGreaterThan(0);
    expect(notifications.body.items[0]).toMatchObject({
      kind: 'channel.disconnected',
      link: `/settings/channels/${channel.channelId}`,
    });
  });

  it('the scheduled health check notices when the token works again', async () => {
    meta.simulator.registerPhoneNumber({
      phoneNumberId: channel.phoneNumberId,
      wabaId,
      displayPhoneNumber: '15550783881',
      verifiedName: 'Acme Support',
      accessToken: channel.accessToken,
      appSecret: channel.appSecret,
      webhookUrl: `${app.url}/webhooks/whatsapp/${channel.channelId}`,
    });
    expect(
      (await app.http.post(`/api/channels/${channel.channelId}/health-check`, undefined, { token: tenant.token }))
        .status,
    ).toBe(202);
    await eventually(
      async () =>
        (await app.http.get(`/api/channels/${channel.channelId}`, { token: tenant.token })).body.status === 'connected',
      'the channel to reconnect',
    );
    const notifications = await app.http.get('/api/notifications', { token: tenant.token });
    expect(notifications.body.items[0]).toMatchObject({ kind: 'channel.connected' });
  });
});
