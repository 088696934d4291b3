// A tenant's plan sets its API budget (TenantSettings.apiRequestsPerMinute, at least 100); without
// one the server default applies. Every authenticated answer says where the caller stands.
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { signUpTenant } from '../../support/seed/tenant.ts';

let app: TestApp;
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

    const set = await app.http.patch('/api/workspace', { apiRequestsPerMinute: 100 }, { token: owner.token });
    expect(set.status).toBe(200);
    expect(set.body.apiRequestsPerMinute).toBe(100);

    const first = await app.http.get('/api/workspace', { token: owner.token });
    expect(first.headers.get('x-ratelimit-limit')).toBe('100');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('99');
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
    for (let i = 1; i < 100; i++) {
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

  it('refuses a limit under 100 requests per minute, naming the field', async () => {
    const owner = await signUpTenant(app.http);
    const refused = await app.http.patch('/api/workspace', { apiRequestsPerMinute: 10 }, { token: owner.token });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.fields[0].field).toBe('apiRequestsPerMinute');
  });
});
