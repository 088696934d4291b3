// A tenant's plan sets its API budget (TenantSettings.apiRequestsPerMinute, at least 100); without
// one the server default applies. Every authenticated answer says where the caller stands. The
// operator sets the plan (npm run operator:plan); the workspace cannot.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { eventually } from '../../support/eventually.ts';
import { signUpTenant } from '../../support/seed/tenant.ts';

let app: TestApp;

/** `npm run operator:plan` against the test app's database. */
async function operatorPlan(...args: string[]): Promise<{ code: number; out: string }> {
  const run = promisify(execFile);
  const env = { ...process.env, DATABASE_URL: app.databaseUrl, RATE_LIMIT_TENANT_PER_MINUTE: '5000' };
  return run('npx', ['tsx', 'scripts/operator-plan.ts', ...args], { env }).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (error: { code: number; stderr: string }) => ({ code: error.code, out: error.stderr }),
  );
}
beforeAll(async () => {
  app = await startTestApp({ RATE_LIMIT_TENANT_PER_MINUTE: '5000' });
});
afterAll(() => app.stop());

describe('[api] per-plan rate limits', () => {
  it("applies the plan's limit with X-RateLimit headers, then 429 with Retry-After", async () => {
    const owner = await signUpTenant(app.http);
    const before = await app.http.get('/api/workspace', { token: owner.token });
    expect(before.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(before.body.apiRequestsPerMinute).toBe(5000);
    expect(before.body.settings.apiRequestsPerMinute).toBeNull();

    const set = await operatorPlan(owner.tenantId, '--api-requests-per-minute', '100');
    expect(set).toMatchObject({ code: 0, out: expect.stringMatching(/API requests per minute: 100\n/) });
    // The cache (10 s per process) is the API's; a new limit reaches it within that.
    const applied = await eventually(
      async () => {
        const workspace = await app.http.get('/api/workspace', { token: owner.token });
        return workspace.headers.get('x-ratelimit-limit') === '100' && workspace;
      },
      'the new limit',
      15_000,
    );
    expect(applied.body.settings.apiRequestsPerMinute).toBe(100);
    expect(applied.headers.get('x-ratelimit-remaining')).toBe('99'); // a new limit starts its own count

    const first = await app.http.get('/api/workspace', { token: owner.token });
    expect(first.headers.get('x-ratelimit-limit')).toBe('100');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('98');
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
    for (let i = 2; i < 100; i++) {
      expect((await app.http.get('/api/contacts', { token: owner.token })).status).toBe(200);
    }
    const limited = await app.http.get('/api/contacts', { token: owner.token });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('x-ratelimit-limit')).toBe('100');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');

    // Another workspace on the default plan is not affected.
    const other = await signUpTenant(app.http);
    expect((await app.http.get('/api/contacts', { token: other.token })).status).toBe(200);
  });

  it('leaves the plan to the operator: the workspace cannot change it, the operator gets clear errors', async () => {
    const owner = await signUpTenant(app.http);
    for (const field of ['apiRequestsPerMinute', 'maxMessagesPerDay', 'maxMessagesPerMonth', 'mediaQuotaBytes']) {
      const refused = await app.http.patch('/api/workspace', { [field]: 100_000 }, { token: owner.token });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.fields[0]).toMatchObject({ field, message: expect.stringMatching(/operator/) });
    }
    expect(await operatorPlan(owner.tenantId, '--api-requests-per-minute', '10')).toEqual({
      code: 1,
      out: '--api-requests-per-minute: must be at least 100 requests per minute\n',
    });
    expect((await operatorPlan(owner.tenantId, '--messages-per-day', 'lots')).out).toMatch(
      /whole number or "unlimited"/,
    );
    expect((await operatorPlan('no-such-workspace')).out).toMatch(/No workspace has the id or slug/);

    const set = await operatorPlan(owner.tenantId, '--messages-per-day', '500', '--messages-per-month', '9000');
    expect(set.code).toBe(0);
    const shown = await operatorPlan(owner.tenantId);
    expect(shown.out).toMatch(
      /messages per day: +500\n +messages per month: +9,000\n +API requests per minute: +default \(5000\)/,
    );
    const workspace = await app.http.get('/api/workspace', { token: owner.token });
    expect(workspace.body.settings).toMatchObject({ maxMessagesPerDay: 500, maxMessagesPerMonth: 9000 });
    await operatorPlan(owner.tenantId, '--messages-per-day', 'unlimited');
    const after = await app.http.get('/api/workspace', { token: owner.token });
    expect(after.body.settings).toMatchObject({ maxMessagesPerDay: null, maxMessagesPerMonth: 9000 });
  });

  it('lets the operator set the media storage quota, which uploads are then held to', async () => {
    const owner = await signUpTenant(app.http);
    const storage = () => app.http.get('/api/media/storage', { token: owner.token });
    const defaultQuota = (await storage()).body.quotaBytes;
    expect((await operatorPlan(owner.tenantId)).out).toMatch(/media storage: +default \(1 GB\)\n/);

    const set = await operatorPlan(owner.tenantId, '--media-quota', '2.5GB');
    expect(set).toMatchObject({ code: 0, out: expect.stringMatching(/media storage: +2\.5 GB\n/) });
    expect((await storage()).body.quotaBytes).toBe(2.5 * 1024 ** 3); // past what a 32-bit column holds

    expect((await operatorPlan(owner.tenantId, '--media-quota', 'lots')).out).toMatch(/a size like 500MB, 5GB/);
    expect((await operatorPlan(owner.tenantId, '--media-quota', '0.5MB')).out).toMatch(/must be at least 1 MB/);
    await operatorPlan(owner.tenantId, '--media-quota', '1MB');
    const tiny = new FormData();
    tiny.set('file', new Blob([new Uint8Array(1024 * 1024 + 1)], { type: 'text/plain' }), 'notes.txt');
    const refused = await fetch(`${app.url}/api/media`, {
      method: 'POST',
      body: tiny,
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(refused.status).toBe(413);

    await operatorPlan(owner.tenantId, '--media-quota', 'default');
    expect((await storage()).body.quotaBytes).toBe(defaultQuota);
  });
});
