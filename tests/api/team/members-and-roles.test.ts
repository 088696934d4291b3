import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { inviteAndJoin } from '../../support/seed/invite.ts';
import { roleId, signUpTenant } from '../../support/seed/tenant.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

describe('[team] members and roles', () => {
  it('permissions decide what each role may do', async () => {
    const owner = await signUpTenant(app.http);
    const agent = await inviteAndJoin(app.http, app.prisma, owner.token, 'Agent', 'agent-perm@example.com');
    expect((await app.http.get('/api/members', { token: agent.token })).status).toBe(403);
    const denied = await app.http.post(
      '/api/roles',
      { name: 'Sneaky', permissions: ['inbox.view'] },
      { token: agent.token },
    );
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('roles.manage');
    expect((await app.http.get('/api/workspace', { token: agent.token })).status).toBe(200);
  });

  it('nobody can grant more than they hold', async () => {
    const owner = await signUpTenant(app.http);
    const custom = await app.http.post(
      '/api/roles',
      { name: 'Team lead', permissions: ['members.view', 'members.manage', 'inbox.view'] },
      { token: owner.token },
    );
    expect(custom.status).toBe(201);
    const lead = await inviteAndJoin(app.http, app.prisma, owner.token, 'Team lead', 'lead@example.com');
    const escalate = await app.http.post(
      '/api/invitations',
      { email: 'friend@example.com', roleId: await roleId(app.http, owner.token, 'Admin') },
      { token: lead.token },
    );
    expect(escalate.status).toBe(403);
    expect(escalate.body.error.details.fields[0].field).toBe('roleId');
    const fine = await app.http.post(
      '/api/invitations',
      { email: 'friend@example.com', roleId: custom.body.id },
      { token: lead.token },
    );
    expect(fine.status).toBe(201);
  });

  it('custom roles are created, edited, and deleted only when unused; built-in roles are fixed', async () => {
    const owner = await signUpTenant(app.http);
    const created = await app.http.post(
      '/api/roles',
      { name: 'Night shift', description: 'Replies only', permissions: ['inbox.view', 'inbox.reply'] },
      { token: owner.token },
    );
    expect(created.body).toMatchObject({ name: 'Night shift', isSystem: false, memberCount: 0 });
    const duplicate = await app.http.post(
      '/api/roles',
      { name: 'night SHIFT', permissions: ['inbox.view'] },
      { token: owner.token },
    );
    expect(duplicate.status).toBe(409);
    const edited = await app.http.patch(
      `/api/roles/${created.body.id}`,
      { permissions: ['inbox.view'] },
      { token: owner.token },
    );
    expect(edited.body.permissions).toEqual(['inbox.view']);

    await inviteAndJoin(app.http, app.prisma, owner.token, 'Night shift', 'night@example.com');
    const inUse = await app.http.delete(`/api/roles/${created.body.id}`, { token: owner.token });
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.message).toContain('1 member');

    const ownerRole = await roleId(app.http, owner.token, 'Owner');
    expect((await app.http.patch(`/api/roles/${ownerRole}`, { name: 'Boss' }, { token: owner.token })).status).toBe(
      403,
    );
  });

  it('the last owner can be neither demoted nor removed; an admin cannot touch owners', async () => {
    const owner = await signUpTenant(app.http);
    const members = await app.http.get('/api/members', { token: owner.token });
    const ownerMember = members.body.items[0];
    const demote = await app.http.patch(
      `/api/members/${ownerMember.id}`,
      { roleId: await roleId(app.http, owner.token, 'Admin') },
      { token: owner.token },
    );
    expect(demote.status).toBe(409);
    expect((await app.http.delete(`/api/members/${ownerMember.id}`, { token: owner.token })).status).toBe(409);

    const admin = await inviteAndJoin(app.http, app.prisma, owner.token, 'Admin', 'admin@example.com');
    expect((await app.http.delete(`/api/members/${ownerMember.id}`, { token: admin.token })).status).toBe(403);
  });

  it('a removed member loses access at once', async () => {
    const owner = await signUpTenant(app.http);
    const agent = await inviteAndJoin(app.http, app.prisma, owner.token, 'Agent', 'removed@example.com');
    const members = await app.http.get('/api/members', { token: owner.token });
    const agentMember = members.body.items.find(
      (m: { user: { email: string } }) => m.user.email === 'removed@example.com',
    );
    expect((await app.http.delete(`/api/members/${agentMember.id}`, { token: owner.token })).status).toBe(204);
    expect((await app.http.get('/api/workspace', { token: agent.token })).status).toBe(401);
    const audit = await app.http.get('/api/audit-log?action=member.removed', { token: owner.token });
    expect(audit.body.items[0]).toMatchObject({
      actorLabel: owner.email,
      metadata: { email: 'removed@example.com', role: 'Agent' },
    });
  });
});
