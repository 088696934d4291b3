// An API key with an IP allow-list works only from those addresses and ranges. The address is the
// TCP peer unless the server trusts a proxy (TRUST_PROXY), when it is X-Forwarded-For's client.
import { io } from 'socket.io-client';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { roleId, signUpTenant } from '../../support/seed/tenant.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

describe('[api-keys] IP allow-lists', () => {
  it('admit a listed address or range and refuse any other with a clear 403', async () => {
    const owner = await signUpTenant(app.http);
    const created = await app.http.post(
      '/api/api-keys',
      { name: 'Office', roleId: await roleId(app.http, owner.token, 'Admin'), allowedIps: ['127.0.0.0/8'] },
      { token: owner.token },
    );
    expect(created.status).toBe(201);
    expect(created.body.apiKey.allowedIps).toEqual(['127.0.0.0/8']);
    const { key, apiKey } = created.body;
    expect((await app.http.get('/api/contacts', { token: key })).status).toBe(200);

    const moved = await app.http.patch(
      `/api/api-keys/${apiKey.id}`,
      { allowedIps: ['203.0.113.0/24', '2001:db8::/32'] },
      { token: owner.token },
    );
    expect(moved.status).toBe(200);
    const refused = await app.http.get('/api/contacts', { token: key });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('may not be used from 127.0.0.1');
    expect(await socketAnswer(app, key)).toBe('FORBIDDEN'); // nor live updates
    expect(await socketAnswer(app, key, '203.0.113.7')).toBe('FORBIDDEN'); // a forged header changes nothing
    // Without TRUST_PROXY a forged X-Forwarded-For changes nothing.
    const forged = await app.http.get('/api/contacts', { token: key, headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(forged.status).toBe(403);

    await app.deps.requestLog.flush();
    const log = await app.http.get(`/api/api-requests?apiKeyId=${apiKey.id}&status=403`, { token: owner.token });
    expect(log.body.items).toHaveLength(2);

    await app.http.patch(`/api/api-keys/${apiKey.id}`, { allowedIps: ['127.0.0.1'] }, { token: owner.token });
    expect((await app.http.get('/api/contacts', { token: key })).status).toBe(200);
    expect(await socketAnswer(app, key)).toBe('connected');
    await app.http.patch(`/api/api-keys/${apiKey.id}`, { allowedIps: [] }, { token: owner.token });
    expect((await app.http.get('/api/contacts', { token: key })).status).toBe(200);
  });

  it('are validated entry by entry, and only people may change them', async () => {
    const owner = await signUpTenant(app.http);
    const bad = await app.http.post(
      '/api/api-keys',
      { name: 'Bad', roleId: await roleId(app.http, owner.token, 'Admin'), allowedIps: ['10.0.0.1', '10.0.0.0/33'] },
      { token: owner.token },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields).toEqual([
      expect.objectContaining({ field: 'allowedIps.1', message: expect.stringContaining('CIDR') }),
    ]);
    const created = await app.http.post(
      '/api/api-keys',
      { name: 'Script', roleId: await roleId(app.http, owner.token, 'Admin') },
      { token: owner.token },
    );
    const byKey = await app.http.patch(
      `/api/api-keys/${created.body.apiKey.id}`,
      { allowedIps: [] },
      { token: created.body.key },
    );
    expect(byKey.status).toBe(403);
    const audit = await app.http.get('/api/audit-log?action=apiKey.updated', { token: owner.token });
    expect(audit.body.items).toHaveLength(0);
  });
});

describe('[api-keys] IP allow-lists behind a trusted proxy', () => {
  let proxied: TestApp;
  beforeAll(async () => {
    proxied = await startTestApp({ TRUST_PROXY: 'true' });
  });
  afterAll(() => proxied.stop());

  it('check the client address the proxy reports in X-Forwarded-For', async () => {
    const owner = await signUpTenant(proxied.http);
    const created = await proxied.http.post(
      '/api/api-keys',
      { name: 'Partner', roleId: await roleId(proxied.http, owner.token, 'Admin'), allowedIps: ['203.0.113.0/24'] },
      { token: owner.token },
    );
    const { key } = created.body;
    const fromPartner = { token: key, headers: { 'x-forwarded-for': '203.0.113.7' } };
    expect((await proxied.http.get('/api/contacts', fromPartner)).status).toBe(200);
    const fromElsewhere = { token: key, headers: { 'x-forwarded-for': '198.51.100.1' } };
    expect((await proxied.http.get('/api/contacts', fromElsewhere)).status).toBe(403);

    // Live updates (Socket.IO) hold the key to the same list.
    expect(await socketAnswer(proxied, key, '203.0.113.7')).toBe('connected');
    expect(await socketAnswer(proxied, key, '198.51.100.1')).toBe('FORBIDDEN');
  });
});

/** Connects to the live-update gateway with `token` from `forwardedFor`: "connected" or the refusal's code. */
async function socketAnswer(target: TestApp, token: string, forwardedFor?: string): Promise<string> {
  const socket = io(target.url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    ...(forwardedFor ? { extraHeaders: { 'x-forwarded-for': forwardedFor } } : {}),
  });
  try {
    return await new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (error) => resolve(error.message));
    });
  } finally {
    socket.disconnect();
  }
}
