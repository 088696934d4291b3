import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { invitationLink } from '../../support/seed/invite.ts';
import { roleId, signUpTenant } from '../../support/seed/tenant.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ PUBLIC_URL: 'https://parley.example.com' });
});
afterAll(() => app.stop());

describe('[team] invitations', () => {
  it('e-mails a link that lets a new person join with the invited role', async () => {
    const owner = await signUpTenant(app.http, { workspaceName: 'Invite Co' });
    const invited = await app.http.post(
      '/api/invitations',
      { email: 'New.Agent@Example.com', roleId: await roleId(app.http, owner.token, 'Agent') },
      { token: owner.token },
    );
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email: 'new.agent@example.com', status: 'pending', role: { name: 'Agent' } });

    const email = await app.prisma.outboundEmail.findFirstOrThrow({ where: { to: 'new.agent@example.com' } });
    expect(email.subject).toContain('Invite Co');
    expect(email.text).toContain('https://parley.example.com/invite/');
    const token = await invitationLink(app.prisma, 'new.agent@example.com');

    const preview = await app.http.post('/api/invitations/preview', { token });
    expect(preview.body).toMatchObject({ workspaceName: 'Invite Co', roleName: 'Agent', accountExists: false });
    const missingName = await app.http.post('/api/invitations/accept', { token, password: 'a good password' });
    expect(missingName.status).toBe(400);
    expect(missingName.body.error.details.fields[0].field).toBe('name');

    const joined = await app.http.post('/api/invitations/accept', {
      token,
      name: 'New Agent',
      password: 'a good password',
    });
    expect(joined.status).toBe(200);
    expect(joined.body.tenant).toMatchObject({ name: 'Invite Co', role: 'Agent' });
    const again = await app.http.post('/api/invitations/accept', {
      token,
      name: 'New Agent',
      password: 'a good password',
    });
    expect(again.status).toBe(409);

    const members = await app.http.get('/api/members', { token: owner.token });
    expect(
      members.body.items.map((m: { user: { email: string }; role: { name: string } }) => [m.user.email, m.role.name]),
    ).toEqual([
      [owner.email, 'Owner'],
      ['new.agent@example.com', 'Agent'],
    ]);
    const audit = await app.http.get('/api/audit-log?action=member.', { token: owner.token });
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'member.invited',
      'member.joined',
    ]);
  });

  it('an existing account joins another workspace by proving its password', async () => {
    const first = await signUpTenant(app.http, { workspaceName: 'First Co' });
    const second = await signUpTenant(app.http, { workspaceName: 'Second Co' });
    await app.http.post(
      '/api/invitations',
      { email: first.email, roleId: await roleId(app.http, second.token, 'Manager') },
      { token: second.token },
    );
    const token = await invitationLink(app.prisma, first.email);
    expect((await app.http.post('/api/invitations/preview', { token })).body.accountExists).toBe(true);
    const wrong = await app.http.post('/api/invitations/accept', { token, password: 'not my password' });
    expect(wrong.status).toBe(401);
    const joined = await app.http.post('/api/invitations/accept', { token, password: first.password });
    expect(joined.body.tenants.map((t: { name: string }) => t.name).sort()).toEqual(['First Co', 'Second Co']);
  });

  it('a revoked or re-sent invitation link stops working', async () => {
    const owner = await signUpTenant(app.http);
    const agent = await roleId(app.http, owner.token, 'Agent');
    const created = await app.http.post(
      '/api/invitations',
      { email: 'twice@example.com', roleId: agent },
      { token: owner.token },
    );
    const oldToken = await invitationLink(app.prisma, 'twice@example.com');
    await app.http.post('/api/invitations', { email: 'twice@example.com', roleId: agent }, { token: owner.token });
    expect((await app.http.post('/api/invitations/preview', { token: oldToken })).status).toBe(404);

    const newToken = await invitationLink(app.prisma, 'twice@example.com');
    const pending = await app.http.get('/api/invitations', { token: owner.token });
    const current = pending.body.items.find((i: { status: string }) => i.status === 'pending');
    expect(current.id).not.toBe(created.body.id);
    expect((await app.http.delete(`/api/invitations/${current.id}`, { token: owner.token })).status).toBe(204);
    expect((await app.http.post('/api/invitations/preview', { token: newToken })).status).toBe(404);
  });
});
