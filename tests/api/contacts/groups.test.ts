// Contact groups: a tree whose restricted groups hide their contacts (and their subgroups'
// contacts) from roles they do not list. A contact in any group hidden from a role is hidden from
// it, even when it is also in an open group. Owners and admins see everything.
import { createApiKey, roleId, signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

jest.setTimeout(90_000);

let app: TestApp;
let owner: SeededTenant;
let agentKey: string;
let managerKey: string;
let adminKey: string;
const group: Record<string, string> = {};
const contact: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  owner = await signUpTenant(app.http);
  agentKey = await createApiKey(app.http, owner.token, 'Agent');
  managerKey = await createApiKey(app.http, owner.token, 'Manager');
  adminKey = await createApiKey(app.http, owner.token, 'Admin');
  const managerRole = await roleId(app.http, owner.token, 'Manager');
  const agentRole = await roleId(app.http, owner.token, 'Agent');
  const makeGroup = async (name: string, body: Record<string, unknown>) => {
    const created = await app.http.post('/api/contact-groups', { name, ...body }, { token: owner.token });
    expect(created.status).toBe(201);
    group[name] = created.body.id;
  };
  await makeGroup('Open', {});
  await makeGroup('VIP', { roleIds: [managerRole] });
  await makeGroup('Platinum', { parentId: group.VIP });
  await makeGroup('Support', { roleIds: [agentRole] });
  const memberships: Record<string, string[]> = {
    none: [],
    open: ['Open'],
    vip: ['VIP'],
    platinum: ['Platinum'],
    openAndVip: ['Open', 'VIP'],
    support: ['Support'],
  };
  let n = 10;
  for (const [name, groups] of Object.entries(memberships)) {
    n += 1;
    const created = await app.http.post(
      '/api/contacts',
      { phone: `+141555506${n}`, name, groupIds: groups.map((g) => group[g]) },
      { token: owner.token },
    );
    expect(created.status).toBe(201);
    contact[name] = created.body.id;
  }
});
afterAll(() => app?.stop());

const visible = async (token: string, query = '') => {
  const page = await app.http.get(`/api/contacts?limit=100${query}`, { token });
  expect(page.status).toBe(200);
  return (page.body.items as Array<{ name: string }>).map((c) => c.name).sort();
};

it('[contacts] restricted groups hide their contacts, nested ones too, and a hidden group wins over an open one', async () => {
  expect(await visible(agentKey)).toEqual(['none', 'open', 'support']);
  expect(await visible(managerKey)).toEqual(['none', 'open', 'openAndVip', 'platinum', 'vip']);
  const everyone = ['none', 'open', 'openAndVip', 'platinum', 'support', 'vip'];
  expect(await visible(adminKey)).toEqual(everyone);
  expect(await visible(owner.token)).toEqual(everyone);

  expect((await app.http.get(`/api/contacts/${contact.vip}`, { token: agentKey })).status).toBe(404);
  expect((await app.http.get(`/api/contacts/${contact.support}`, { token: agentKey })).status).toBe(200);
  expect((await app.http.patch(`/api/contacts/${contact.support}`, { name: 'x' }, { token: managerKey })).status).toBe(
    404,
  );
  const csv = await app.http.get('/api/contacts/export.csv', { token: agentKey });
  expect(csv.body).toContain('support');
  expect(csv.body).not.toContain('platinum');

  const agentGroups = await app.http.get('/api/contact-groups', { token: agentKey });
  expect(agentGroups.body.items.map((g: { name: string }) => g.name).sort()).toEqual(['Open', 'Support']);
  const openForAgent = agentGroups.body.items.find((g: { name: string }) => g.name === 'Open');
  expect(openForAgent.contactCount).toBe(1); // openAndVip is hidden from agents
});

it('[contacts] a group filter includes its subgroups; groups nest without cycles and members are added and removed', async () => {
  expect(await visible(managerKey, `&groupId=${group.VIP}`)).toEqual(['openAndVip', 'platinum', 'vip']);

  const cycle = await app.http.patch(
    `/api/contact-groups/${group.VIP}`,
    { parentId: group.Platinum },
    { token: owner.token },
  );
  expect(cycle.status).toBe(400);
  expect(cycle.body.error.details.fields[0].field).toBe('parentId');
  const sibling = await app.http.post('/api/contact-groups', { name: 'open' }, { token: owner.token });
  expect(sibling.status).toBe(409);
  expect(sibling.body.error.details.fields[0].field).toBe('name');

  const hiddenMember = await app.http.post(
    `/api/contact-groups/${group.Open}/members`,
    { contactIds: [contact.none, contact.support] },
    { token: managerKey },
  );
  expect(hiddenMember.status).toBe(400);
  expect(hiddenMember.body.error.details.fields[0].field).toBe('contactIds.1');
  const added = await app.http.post(
    `/api/contact-groups/${group.Open}/members`,
    { contactIds: [contact.none] },
    { token: managerKey },
  );
  expect(added.body).toEqual({ updated: 1 });
  expect(await visible(managerKey, `&groupId=${group.Open}`)).toEqual(['none', 'open', 'openAndVip']);
  await app.http.post(
    `/api/contact-groups/${group.Open}/members/remove`,
    { contactIds: [contact.none] },
    { token: managerKey },
  );
  expect(await visible(managerKey, `&groupId=${group.Open}`)).toEqual(['open', 'openAndVip']);
  expect((await app.http.post('/api/contact-groups', { name: 'x' }, { token: agentKey })).status).toBe(403);

  // Deleting VIP (and Platinum inside it) frees its contacts for every role; the contacts stay.
  expect((await app.http.delete(`/api/contact-groups/${group.VIP}`, { token: owner.token })).status).toBe(204);
  expect(await visible(agentKey)).toEqual(['none', 'open', 'openAndVip', 'platinum', 'support', 'vip']);
  const entry = await app.prisma.auditLog.findFirst({
    where: { tenantId: owner.tenantId, action: 'contactGroup.deleted' },
  });
  expect(entry?.targetId).toBe(group.VIP);
});
