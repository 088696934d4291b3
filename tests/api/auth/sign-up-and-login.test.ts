import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { signUpTenant } from '../../support/seed/tenant.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ LOGIN_MAX_FAILURES: '5' });
});
afterAll(() => app.stop());

describe('[auth] sign-up', () => {
  it('creates the user and a ready workspace, and signs in', async () => {
    const tenant = await signUpTenant(app.http, { workspaceName: 'Acme Support' });

    expect(tenant.session.tenant).toMatchObject({ name: 'Acme Support', role: 'Owner' });
    expect(tenant.session.tenant.permissions).toContain('billing.manage');
    expect(tenant.cookies.get('parley_refresh')).toBeTruthy();
    const workspace = await app.http.get('/api/workspace', { token: tenant.token });
    expect(workspace.status).toBe(200);
    expect(workspace.body).toMatchObject({ name: 'Acme Support', status: 'active', settings: { timezone: 'UTC' } });
    const roles = await app.http.get('/api/roles', { token: tenant.token });
    expect(roles.body.items.map((r: { name: string }) => r.name)).toEqual(['Owner', 'Admin', 'Manager', 'Agent']);
  });

  it('refuses an e-mail that is already registered, naming the field', async () => {
    const first = await signUpTenant(app.http);
    const again = await app.http.post('/api/auth/signup', {
      name: 'Someone',
      email: first.email.toUpperCase(),
      password: 'another long password',
      workspaceName: 'Other',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.details.fields).toEqual([expect.objectContaining({ field: 'email' })]);
  });

  it('names every invalid field', async () => {
    const response = await app.http.post('/api/auth/signup', {
      name: '',
      email: 'not-an-email',
      password: 'short',
      workspaceName: 'A',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'email',
      'name',
      'password',
      'workspaceName',
    ]);
  });
});

describe('[auth] login', () => {
  it('signs in with the right password and refuses a wrong one', async () => {
    const tenant = await signUpTenant(app.http);
    const ok = await app.http.post('/api/auth/login', { email: tenant.email, password: tenant.password });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'authenticated', tenant: { id: tenant.tenantId } });

    const wrong = await app.http.post('/api/auth/login', { email: tenant.email, password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    const unknown = await app.http.post('/api/auth/login', { email: 'nobody@example.com', password: 'whatever it is' });
    expect(unknown.body.error).toEqual(wrong.body.error);
  });

  it('throttles a brute force of 20 wrong passwords, even when the right one comes next', async () => {
    const tenant = await signUpTenant(app.http);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      const response = await app.http.post('/api/auth/login', {
        email: tenant.email,
        password: `guess number ${attempt}`,
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);

    const right = await app.http.post('/api/auth/login', { email: tenant.email, password: tenant.password });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(right.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('[auth] sessions', () => {
  it('rotates the refresh cookie and revokes the session when an old one is replayed', async () => {
    const tenant = await signUpTenant(app.http);
    const original = tenant.cookies.get('parley_refresh');
    const refreshed = await app.http.post('/api/auth/refresh', undefined, { cookies: tenant.cookies });
    expect(refreshed.status).toBe(200);
    expect(tenant.cookies.get('parley_refresh')).not.toBe(original);

    // Far outside the concurrent-tab grace period an old token means theft: simulate by ageing the rotation.
    await app.prisma.session.updateMany({ data: { lastRotatedAt: new Date(Date.now() - 60_000) } });
    const replay = await app.http.post('/api/auth/refresh', undefined, {
      cookies: new Map([['parley_refresh', original!]]),
    });
    expect(replay.status).toBe(401);
    const legit = await app.http.post('/api/auth/refresh', undefined, { cookies: tenant.cookies });
    expect(legit.status).toBe(401);
    const api = await app.http.get('/api/workspace', { token: refreshed.body.accessToken });
    expect(api.status).toBe(401);
  });

  it('logout ends the session: the access token stops working at once', async () => {
    const tenant = await signUpTenant(app.http);
    expect((await app.http.get('/api/workspace', { token: tenant.token })).status).toBe(200);
    const out = await app.http.post('/api/auth/logout', undefined, { cookies: tenant.cookies });
    expect(out.status).toBe(204);
    expect(tenant.cookies.has('parley_refresh')).toBe(false);
    const after = await app.http.get('/api/workspace', { token: tenant.token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('creates a second workspace and switches between them', async () => {
    const tenant = await signUpTenant(app.http, { workspaceName: 'First' });
    const second = await app.http.post('/api/workspaces', { name: 'Second' }, { token: tenant.token });
    expect(second.status).toBe(201);
    expect(second.body.tenant.name).toBe('Second');
    expect(second.body.tenants.map((t: { name: string }) => t.name)).toEqual(['First', 'Second']);

    const back = await app.http.post(
      '/api/auth/switch-tenant',
      { tenantId: tenant.tenantId },
      { token: second.body.accessToken },
    );
    expect(back.body.tenant.name).toBe('First');
    const foreign = await signUpTenant(app.http);
    const refused = await app.http.post(
      '/api/auth/switch-tenant',
      { tenantId: foreign.tenantId },
      { token: tenant.token },
    );
    expect(refused.status).toBe(403);
  });
});
