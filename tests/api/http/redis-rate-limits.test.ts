// With REDIS_URL, API processes share their rate-limit budgets through Redis.
import { generateEncryptionKey } from '#lib/secret-box';
import { startRedis } from '../../support/redis-server.ts';
import { startTestApp } from '../../support/test-app.ts';
import { signUpTenant } from '../../support/seed/tenant.ts';

it('[api] two API processes share one tenant budget through Redis', async () => {
  const redis = await startRedis();
  // Processes of one installation share their secrets as well as Redis.
  const env = {
    REDIS_URL: redis.url,
    RATE_LIMIT_TENANT_PER_MINUTE: '4',
    JWT_SECRET: 'x'.repeat(48),
    ENCRYPTION_KEY: generateEncryptionKey(),
  };
  const first = await startTestApp(env);
  const second = await startTestApp(env, { databaseUrl: first.databaseUrl });
  try {
    const owner = await signUpTenant(first.http);
    const statuses = [];
    for (const app of [first, second, first, second, first, second]) {
      statuses.push((await app.http.get('/api/workspace', { token: owner.token })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  } finally {
    await second.stop();
    await first.stop();
    await redis.stop();
  }
});
