import { sha256 } from '#lib/tokens';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { createApiKey, roleId, signUpTenant } from '../../support/seed/tenant.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

describe('[api-keys] API keys', () => {
  it('are shown once, stored hashed, authenticate REST calls and record their last use', async () => {
    const owner = await signUpTenant(app.http);
    const created = await app.http.post(
      '/api/api-keys',
      { name: 'Zapier', roleId: await roleId(app.http, owner.token, 'Admin') },
      { token: owner.token },
    );
    expect(created.status).toBe(201);
    const { key, apiKey } = created.body;
    expect(key).toMatch(/^prl_[\w-]{40,}$/);
    expect(apiKey.prefix).toBe(key.slice(0, 12));

    const row = await app.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.keyHash).toBe(sha256(key));
    expect(JSON.stringify(row)).not.toContain(key);
    const listed = await app.http.get('/api/api-keys', { token: owner.token });
    expect(JSON.stringify(listed.body)).not.toContain(key);

    expect((await app.http.get('/api/members', { token: key })).status).toBe(200);
    expect((await app.http.get('/api/members', { headers: { 'x-api-key': key } })).status).toBe(200);
    const afterUse = await app.http.get('/api/api-keys', { token: owner.token });
    expect(afterUse.body.items[0].lastUsedAt).not.toBeNull();
  });

  it("act with their role's permissions and cannot mint more keys", async () => {
    const owner = await signUpTenant(app.http);
    const agentKey = await createApiKey(app.http, owner.token, 'Agent');
    expect((await app.http.get('/api/members', { token: agentKey })).status).toBe(403);
    const adminKey = await createApiKey(app.http, owner.token, 'Admin');
    const mint = await app.http.post(
      '/api/api-keys',
      { name: 'More', roleId: await roleId(app.http, owner.token, 'Agent') },
      { token: adminKey },
    );
    expect(mint.status).toBe(403);
    const audit = await app.http.get('/api/audit-log?action=apiKey.created', { token: adminKey });
    expect(audit.body.items).toHaveLength(2);
  });

  it('stop working as soon as they are revoked', async () => {
    const owner = await signUpTenant(app.http);
    const key = await createApiKey(app.http, owner.token, 'Admin');
    const id = (await app.http.get('/api/api-keys', { token: owner.token })).body.items[0].id;
    expect((await app.http.delete(`/api/api-keys/${id}`, { token: owner.token })).status).toBe(204);
    const refused = await app.http.get('/api/members', { token: key });
    expect(refused.status).toBe(401);
    expect((await app.http.get('/api/api-keys', { token: owner.token })).body.items[0].revokedAt).not.toBeNull();
  });
});
