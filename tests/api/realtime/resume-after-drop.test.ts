// A client whose connection drops misses live updates; when it reconnects it asks `resume` with
// the last event it saw and receives exactly the ones it missed, in order. With Redis it may come
// back on another API process than the one that published them.
import { io, type Socket } from 'socket.io-client';
import type { LiveMeta, ResumeAnswer, ResumeInput } from '#api/realtime/schemas';
import { generateEncryptionKey } from '#lib/secret-box';
import { eventually } from '../../support/eventually.ts';
import { startRedis } from '../../support/redis-server.ts';
import { connectCloudChannel, type SeededChannel } from '../../support/seed/channel.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { inboundWebhook, signedBody } from '../../support/whatsapp-webhook.ts';

type Received = { event: string; payload: Record<string, unknown>; meta: LiveMeta };

describe('[realtime] catching up after a dropped connection', () => {
  let publisher: TestApp;
  let gateway: TestApp;
  let stopRedis: () => Promise<void> = async () => undefined;

  afterEach(async () => {
    if (gateway !== publisher) {
      await gateway.stop();
    }
    await publisher.stop();
    await stopRedis();
  });

  it('replays the missed events in order on the same process (no Redis)', async () => {
    publisher = gateway = await startTestApp({ SANDBOX_URL: 'off' });
    await dropMissAndResume(publisher, gateway);
  });

  it('replays them on another API process than the one that published them (Redis)', async () => {
    const redis = await startRedis();
    stopRedis = redis.stop;
    const env = {
      REDIS_URL: redis.url,
      SANDBOX_URL: 'off',
      JWT_SECRET: 'z'.repeat(48),
      ENCRYPTION_KEY: generateEncryptionKey(),
    };
    publisher = await startTestApp(env);
    gateway = await startTestApp(env, { databaseUrl: publisher.databaseUrl });
    await dropMissAndResume(publisher, gateway);
  });
});

async function dropMissAndResume(publisher: TestApp, gateway: TestApp): Promise<void> {
  const tenant = await signUpTenant(publisher.http);
  const channel = await connectCloudChannel(publisher.http, tenant.token);
  const neighbour = await signUpTenant(publisher.http);
  const neighbourChannel = await connectCloudChannel(publisher.http, neighbour.token);
  const socket = io(gateway.url, { auth: { token: tenant.token }, transports: ['websocket'], reconnection: false });
  const received: Received[] = [];
  socket.onAny((event: string, payload: Record<string, unknown>, meta: LiveMeta) =>
    received.push({ event, payload, meta }),
  );
  await connected(socket);
  const first = await resume(socket, { epoch: null, seq: null });
  expect(first).toMatchObject({ status: 'reset', reason: 'first-connection' });

  await customerWrites(publisher, tenant, channel, 'before the drop');
  await eventually(async () => received.length === 2, 'the live events before the drop');
  const last = received.at(-1)!.meta;
  expect(received.map((r) => r.meta.seq)).toEqual([1, 2].map((n) => (first.status === 'reset' ? first.seq : 0) + n));

  socket.disconnect();
  const missedTexts = ['while offline 1', 'while offline 2', 'while offline 3'];
  for (const text of missedTexts) {
    await customerWrites(publisher, tenant, channel, text);
    await customerWrites(publisher, neighbour, neighbourChannel, `not for us: ${text}`);
  }
  const stored = await messagesOf(publisher, tenant);
  expect(received).toHaveLength(2);

  socket.connect();
  await connected(socket);
  const answer = await resume(socket, last);
  socket.close();
  if (answer.status !== 'replay') {
    throw new Error(`expected a replay, got ${JSON.stringify(answer)}`);
  }
  expect(answer.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6].map((n) => last.seq + n));
  expect(answer.seq).toBe(last.seq + 6);
  expect(answer.events.map((e) => e.event)).toEqual([
    'message.created',
    'conversation.updated',
    'message.created',
    'conversation.updated',
    'message.created',
    'conversation.updated',
  ]);
  const replayedMessages = answer.events.flatMap((e) => (e.event === 'message.created' ? [e.payload.messageId] : []));
  expect(replayedMessages).toEqual(stored.filter((m) => missedTexts.includes(m.text ?? '')).map((m) => m.id));
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

async function resume(socket: Socket, position: ResumeInput): Promise<ResumeAnswer> {
  return (await socket.timeout(5000).emitWithAck('resume', position)) as ResumeAnswer;
}

async function customerWrites(app: TestApp, tenant: SeededTenant, channel: SeededChannel, text: string) {
  const { body, signature } = signedBody(
    inboundWebhook(channel.phoneNumberId, '16505550101', 'Dana Drop', { type: 'text', text: { body: text } }),
    channel.appSecret,
  );
  const posted = await app.http.request('POST', `/webhooks/whatsapp/${channel.channelId}`, {
    rawBody: body,
    headers: { 'x-hub-signature-256': signature },
  });
  // Its events are numbered right after this answer, before the process handles the next request.
  expect(posted.status).toBe(200);
}

async function messagesOf(app: TestApp, tenant: SeededTenant) {
  const rows = await app.prisma.message.findMany({
    where: { tenantId: tenant.tenantId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, text: true },
  });
  return rows;
}
