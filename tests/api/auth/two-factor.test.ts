import * as OTPAuth from 'otpauth';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

function codeFor(secret: string, offsetSeconds = 0): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + offsetSeconds * 1000,
  });
}

async function enrol(tenant: SeededTenant): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await app.http.post('/api/auth/2fa/enrollment', undefined, { token: tenant.token });
  expect(started.status).toBe(200);
  expect(started.body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  expect(started.body.otpauthUrl).toContain('issuer=Parley');
  const confirmed = await app.http.post(
    '/api/auth/2fa/enrollment/confirm',
    { code: codeFor(started.body.secret) },
    { token: tenant.token },
  );
  expect(confirmed.status).toBe(200);
  return { secret: started.body.secret, recoveryCodes: confirmed.body.recoveryCodes };
}

describe('[auth] two-factor authentication', () => {
  it('enrols with a TOTP app, then asks for a code at login', async () => {
    const tenant = await signUpTenant(app.http);
    const { secret, recoveryCodes } = await enrol(tenant);
    expect(recoveryCodes).toHaveLength(10);

    const stored = await app.prisma.user.findUniqueOrThrow({ where: { email: tenant.email } });
    expect(stored.totpSecret).not.toContain(secret); // encrypted at rest

    const first = await app.http.post('/api/auth/login', { email: tenant.email, password: tenant.password });
    expect(first.body).toEqual({ status: 'mfa_required', mfaToken: expect.any(String) });
    const wrong = await app.http.post('/api/auth/login/mfa', { mfaToken: first.body.mfaToken, code: '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.details.fields[0].field).toBe('code');
    const ok = await app.http.post('/api/auth/login/mfa', { mfaToken: first.body.mfaToken, code: codeFor(secret) });
    expect(ok.status).toBe(200);
    expect(ok.body.user.totpEnabled).toBe(true);
  });

  it('accepts each recovery code once', async () => {
    const tenant = await signUpTenant(app.http);
    const { recoveryCodes } = await enrol(tenant);
    const challenge = async () =>
      (await app.http.post('/api/auth/login', { email: tenant.email, password: tenant.password })).body.mfaToken;

    const used = await app.http.post('/api/auth/login/mfa', {
      mfaToken: await challenge(),
      code: recoveryCodes[0]!.toUpperCase(),
    });
    expect(used.status).toBe(200);
    const reused = await app.http.post('/api/auth/login/mfa', { mfaToken: await challenge(), code: recoveryCodes[0] });
    expect(reused.status).toBe(401);
  });

  it('a workspace that requires 2FA blocks members without it until they enrol', async () => {
    const owner = await signUpTenant(app.http);
    const refusedForOwner = await app.http.patch('/api/workspace', { require2fa: true }, { token: owner.token });
    expect(refusedForOwner.status).toBe(409);
    expect(refusedForOwner.body.error.details.fields[0].field).toBe('require2fa');

    const { secret } = await enrol(owner);
    expect((await app.http.patch('/api/workspace', { require2fa: true }, { token: owner.token })).status).toBe(200);
    const agentRole = (await app.http.get('/api/roles', { token: owner.token })).body.items.find(
      (r: { name: string }) => r.name === 'Agent',
    );
    await app.http.post(
      '/api/invitations',
      { email: 'agent-2fa@example.com', roleId: agentRole.id },
      { token: owner.token },
    );
    const email = await app.prisma.outboundEmail.findFirstOrThrow({ where: { to: 'agent-2fa@example.com' } });
    const token = /\/invite\/([\w-]+)/.exec(email.text)![1];
    const joined = await app.http.post('/api/invitations/accept', {
      token,
      name: 'Agent',
      password: 'agent password 123',
    });
    expect(joined.body.mfaEnrollmentRequired).toBe(true);

    const blocked = await app.http.get('/api/workspace', { token: joined.body.accessToken });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('MFA_ENROLLMENT_REQUIRED');
    await enrol({ ...owner, token: joined.body.accessToken });
    expect((await app.http.get('/api/workspace', { token: joined.body.accessToken })).status).toBe(200);
    expect(codeFor(secret)).toMatch(/^\d{6}$/);
  });

  it('turning 2FA off needs the password and a current code', async () => {
    const tenant = await signUpTenant(app.http);
    const { secret } = await enrol(tenant);
    const badPassword = await app.http.post(
      '/api/auth/2fa/disable',
      { password: 'wrong', code: codeFor(secret) },
      { token: tenant.token },
    );
    expect(badPassword.status).toBe(401);
    const ok = await app.http.post(
      '/api/auth/2fa/disable',
      { password: tenant.password, code: codeFor(secret) },
      { token: tenant.token },
    );
    expect(ok.status).toBe(204);
    const login = await app.http.post('/api/auth/login', { email: tenant.email, password: tenant.password });
    expect(login.body.status).toBe('authenticated');
    const audit = await app.http.get('/api/audit-log?action=auth.2fa', { token: login.body.accessToken });
    expect(audit.body.items).toEqual([]);
    const prefixed = await app.http.get('/api/audit-log?action=auth.', { token: login.body.accessToken });
    expect(prefixed.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['auth.2fa_enabled', 'auth.2fa_disabled', 'auth.login']),
    );
  });
});
