// Every authenticated request lands in the tenant's request log (who, key, route, status,
// latency), refusals and rate-limited calls included, and the tenant can search it.
import { setPlanLimits } from '#api/workspace/plan-limits';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { createApiKey, signUpTenant } from '../../support/seed/tenant.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

describe('[api] request log', () => {
  it('records successes and refusals with the key, route and latency, and filters them', async () => {
    const owner = await signUpTenant(app.http);
    const adminKey = await createApiKey(app.http, owner.token, 'Admin');
    const agentKey = await createApiKey(app.http, owner.token, 'Agent');
    const contact = await app.http.post('/api/contacts', { phone: '+14155550111' }, { token: adminKey });
    expect(contact.status).toBe(201);
    await app.http.get(`/api/contacts/${contact.body.id}`, { token: adminKey });
    expect((await app.http.get('/api/members', { token: agentKey })).status).toBe(403);
    await app.deps.requestLog.flush();

    const byAdminKey = await search(owner.token, `apiKeyId=${await keyId(owner.token, 'Admin key')}`);
    expect(byAdminKey.map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual([
      'GET /api/contacts/:contactId 200',
      'POST /api/contacts 201',
    ]);
    expect(byAdminKey[0]).toMatchObject({
      path: `/api/contacts/${contact.body.id}`,
      actorLabel: 'API key "Admin key"',
      ip: '127.0.0.1',
      latencyMs: expect.any(Number),
      requestId: expect.any(String),
    });

    const refused = await search(owner.token, 'status=4xx');
    expect(refused.map((r) => `${r.actorLabel} ${r.route} ${r.status}`)).toEqual([
      'API key "Agent key" /api/members 403',
    ]);
    expect(await search(owner.token, 'status=403&method=get')).toHaveLength(1);
    expect(await search(owner.token, 'path=/API/contacts&method=post')).toHaveLength(1);
    const byOwner = await search(owner.token, `userId=${owner.session.user.id}`);
    expect(byOwner.every((r) => r.actorUserId === owner.session.user.id)).toBe(true);
    expect(byOwner.some((r) => r.route === '/api/api-keys' && r.method === 'POST')).toBe(true);
    expect(await search(owner.token, `from=${new Date(Date.now() + 60_000).toISOString()}`)).toHaveLength(0);
  });

  it('pages with a cursor and refuses bad filters naming the field', async () => {
    const owner = await signUpTenant(app.http);
    for (let i = 0; i < 3; i++) {
      await app.http.get('/api/workspace', { token: owner.token });
    }
    await app.deps.requestLog.flush();
    const first = await app.http.get('/api/api-requests?limit=2&path=/api/workspace', { token: owner.token });
    expect(first.body.items).toHaveLength(2);
    const second = await app.http.get(`/api/api-requests?limit=2&path=/api/workspace&cursor=${first.body.nextCursor}`, {
      token: owner.token,
    });
    expect(second.body.items).toHaveLength(1);
    const bad = await app.http.get('/api/api-requests?status=4x', { token: owner.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('status');
  });

  it("is the tenant's own: another workspace sees none of it, and audit.view is required", async () => {
    const a = await signUpTenant(app.http);
    const b = await signUpTenant(app.http);
    await app.http.get('/api/workspace', { token: a.token });
    await app.deps.requestLog.flush();
    const seenByB = await search(b.token, `userId=${a.session.user.id}`);
    expect(seenByB).toHaveLength(0);
    const agentKey = await createApiKey(app.http, a.token, 'Agent');
    expect((await app.http.get('/api/api-requests', { token: agentKey })).status).toBe(403);
  });

  it('records rate-limited requests and deletes rows past the retention', async () => {
    const owner = await signUpTenant(app.http);
    await setPlanLimits(app.prisma, owner.tenantId, { apiRequestsPerMinute: 100 });
    let last = 0;
    for (let i = 0; i < 101 && last !== 429; i++) {
      last = (await app.http.get('/api/workspace', { token: owner.token })).status;
    }
    expect(last).toBe(429);
    await app.deps.requestLog.flush();
    const limited = await app.prisma.apiRequestLog.count({ where: { tenantId: owner.tenantId, status: 429 } });
    expect(limited).toBe(1);

    const { sweepApiRecords, REQUEST_LOG_RETENTION_DAYS } = await import('#api/http/api-housekeeping');
    const old = new Date(Date.now() - (REQUEST_LOG_RETENTION_DAYS + 1) * 24 * 60 * 60 * 1000);
    await app.prisma.apiRequestLog.updateMany({ where: { tenantId: owner.tenantId }, data: { createdAt: old } });
    await sweepApiRecords(app.deps);
    expect(await app.prisma.apiRequestLog.count({ where: { tenantId: owner.tenantId } })).toBe(0);
  });
});

type Row = { method: string; route: string; path: string; status: number; actorLabel: string } & Record<string, any>;

async function search(token: string, filters: string): Promise<Row[]> {
  const page = await app.http.get(`/api/api-requests?limit=100&${filters}`, { token });
  if (page.status !== 200) {
    throw new Error(`search failed: ${page.status} ${JSON.stringify(page.body)}`);
  }
  // The search itself is logged too; leave those rows out.
  return (page.body.items as Row[]).filter((r) => r.route !== '/api/api-requests');
}

async function keyId(token: string, name: string): Promise<string> {
  const keys = await app.http.get('/api/api-keys', { token });
  return keys.body.items.find((k: { name: string }) => k.name === name).id;
}
