// With REDIS_URL, live updates reach sockets on every API process: a webhook stored by one
// process is pushed to a browser connected to another.
import { io } from 'socket.io-client';
import { generateEncryptionKey } from '#lib/secret-box';
import { startRedis } from '../../support/redis-server.ts';
import { connectCloudChannel } from '../../support/seed/channel.ts';
import { signUpTenant } from '../../support/seed/tenant.ts';
import { startTestApp } from '../../support/test-app.ts';
import { inboundWebhook, signedBody } from '../../support/whatsapp-webhook.ts';

it('[realtime] a message stored by one API process reaches a socket on another, through Redis', async () => {
  const redis = await startRedis();
  const env = {
    REDIS_URL: redis.url,
    SANDBOX_URL: 'off',
    JWT_SECRET: 'y'.repeat(48),
    ENCRYPTION_KEY: generateEncryptionKey(),
  };
  const first = await startTestApp(env);
  const second = await startTestApp(env, { databaseUrl: first.databaseUrl });
  try {
    const tenant = await signUpTenant(first.http);
    const channel = await connectCloudChannel(first.http, tenant.token);
    const socket = io(second.url, { auth: { token: tenant.token }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const received = new Promise<Record<string, unknown>>((resolve) => socket.once('message.created', resolve));
    const { body, signature } = signedBody(
      inboundWebhook(channel.phoneNumberId, '16505558888', 'Far away', {
        type: 'text',
        text: { body: 'hello from process one' },
      }),
      channel.appSecret,
    );
    const posted = await first.http.request('POST', `/webhooks/whatsapp/${channel.channelId}`, {
      rawBody: body,
      headers: { 'x-hub-signature-256': signature },
    });
    expect(posted.status).toBe(200);
    expect(await received).toMatchObject({ channelId: channel.channelId, direction: 'inbound' });
    socket.close();
  } finally {
    await second.stop();
    await first.stop();
    await redis.stop();
  }
});
