// Saved segments through the API: validation errors that name the bad leaf's path, CRUD with a
// unique name, permissions, members re-evaluated on every call (segments are dynamic), pages,
// and a CSV export whose formula-like cells are neutralised.
import { createApiKey, signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

jest.setTimeout(90_000);

let app: TestApp;
let owner: SeededTenant;
let other: SeededTenant;
let agentKey: string;
let otherGroupId: string;

const and = (...children: unknown[]) => ({ kind: 'group', op: 'and', children });
const vip = { kind: 'tags', op: 'has_any', values: ['vip'] };

beforeAll(async () => {
  app = await startTestApp({ SANDBOX_URL: 'off' });
  owner = await signUpTenant(app.http);
  other = await signUpTenant(app.http);
  agentKey = await createApiKey(app.http, owner.token, 'Agent');
  const tenantId = owner.tenantId;
  await app.prisma.customField.createMany({
    data: [
      { tenantId, key: 'plan', label: 'Plan', type: 'dropdown', options: ['Free', 'Gold'] },
      { tenantId, key: 'vip', label: 'VIP', type: 'checkbox' },
      { tenantId, key: 'note', label: 'Note', type: 'text' },
    ],
  });
  otherGroupId = (await app.prisma.contactGroup.create({ data: { tenantId: other.tenantId, name: 'Theirs' } })).id;
  for (let i = 1; i <= 5; i++) {
    await app.prisma.contact.create({
      data: {
        tenantId,
        waId: `1415555010${i}`,
        phone: `+1415555010${i}`,
        name: i === 1 ? '=HYPERLINK("http://evil")' : `Contact ${i}`,
        tags: i <= 3 ? ['vip'] : [],
        fields: { note: i === 2 ? '+1 call me' : 'ok', plan: 'Gold' },
        createdAt: new Date(Date.now() - i * 60_000),
      },
    });
  }
});
afterAll(() => app?.stop());

const count = (condition: unknown, token = owner.token) =>
  app.http.post('/api/segments/count', { condition }, { token });
const fieldsOf = (response: { body: { error: { details: { fields: Array<{ field: string }> } } } }) =>
  response.body.error.details.fields.map((f) => f.field);

it('[segments] a bad condition answers 400 naming the path of the leaf at fault', async () => {
  const unknownField = await count(and(vip, { kind: 'custom', key: 'colour', op: 'equals', value: 'red' }));
  expect(unknownField.status).toBe(400);
  expect(fieldsOf(unknownField)).toEqual(['condition.children.1.key']);

  const wrongOperator = await count(
    and({ kind: 'group', op: 'or', children: [vip, { kind: 'custom', key: 'vip', op: 'contains', value: 'x' }] }),
  );
  expect(wrongOperator.status).toBe(400);
  expect(fieldsOf(wrongOperator)).toEqual(['condition.children.0.children.1.op']);

  const notAnOption = await count(and({ kind: 'custom', key: 'plan', op: 'equals', value: 'Platinum' }));
  expect(fieldsOf(notAnOption)).toEqual(['condition.children.0.value']);

  const builtinOperator = await count(and({ kind: 'field', field: 'createdAt', op: 'contains', value: '2026' }));
  expect(builtinOperator.status).toBe(400);
  expect(fieldsOf(builtinOperator)).toEqual(['condition.children.0.op']);

  const missingValue = await count(and({ kind: 'field', field: 'name', op: 'equals' }));
  expect(fieldsOf(missingValue)).toEqual(['condition.children.0.value']);

  const badDate = await count(and({ kind: 'field', field: 'lastSeenAt', op: 'before', value: 'tomorrow' }));
  expect(fieldsOf(badDate)).toEqual(['condition.children.0.value']);

  const missingDays = await count(and({ kind: 'field', field: 'lastInboundAt', op: 'within_last_days' }));
  expect(fieldsOf(missingDays)).toEqual(['condition.children.0.days']);

  const unknownKind = await count(and({ kind: 'campaign', op: 'read' }));
  expect(unknownKind.status).toBe(400);
  expect(fieldsOf(unknownKind)[0]).toMatch(/^condition\.children\.0/);

  const anotherWorkspacesGroup = await count(and({ kind: 'contact_group', op: 'in', groupIds: [otherGroupId] }));
  expect(anotherWorkspacesGroup.status).toBe(400);
  expect(fieldsOf(anotherWorkspacesGroup)).toEqual(['condition.children.0.groupIds.0']);

  let deep: unknown = vip;
  for (let level = 0; level < 6; level++) {
    deep = and(deep);
  }
  const tooDeep = await count(deep);
  expect(tooDeep.status).toBe(400);
  expect(fieldsOf(tooDeep)[0]).toBe('condition.children.0.children.0.children.0.children.0.children.0');

  const sixty = Array.from({ length: 60 }, () => vip);
  const tooMany = await count(and(...sixty, and(...sixty)));
  expect(tooMany.status).toBe(400);
  expect(fieldsOf(tooMany)).toEqual(['condition']);
});

it('[segments] saved segments: unique names, edits recount, members are re-evaluated on every call', async () => {
  const created = await app.http.post('/api/segments', { name: 'VIPs', condition: and(vip) }, { token: owner.token });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ name: 'VIPs', lastCount: 3, description: null });
  const id: string = created.body.id;

  const clash = await app.http.post('/api/segments', { name: 'VIPs', condition: and() }, { token: owner.token });
  expect(clash.status).toBe(409);
  expect(fieldsOf(clash)).toEqual(['name']);

  const firstPage = await app.http.get(`/api/segments/${id}/contacts?limit=2`, { token: owner.token });
  expect(firstPage.status).toBe(200);
  expect(firstPage.body.items.map((c: { phone: string }) => c.phone)).toEqual(['+14155550101', '+14155550102']);
  const secondPage = await app.http.get(`/api/segments/${id}/contacts?limit=2&cursor=${firstPage.body.nextCursor}`, {
    token: owner.token,
  });
  expect(secondPage.body.items.map((c: { phone: string }) => c.phone)).toEqual(['+14155550103']);
  expect(secondPage.body.nextCursor).toBeNull();

  // Dynamic: a contact tagged later is a member at once.
  await app.prisma.contact.updateMany({
    where: { tenantId: owner.tenantId, waId: '14155550105' },
    data: { tags: ['vip'] },
  });
  const recount = await app.http.get(`/api/segments/${id}/count`, { token: owner.token });
  expect(recount.body.count).toBe(4);
  expect((await app.http.get(`/api/segments/${id}`, { token: owner.token })).body.lastCount).toBe(4);

  const renamed = await app.http.patch(
    `/api/segments/${id}`,
    {
      name: 'Gold VIPs',
      description: 'for the launch',
      condition: and(vip, { kind: 'field', field: 'phone', op: 'contains', value: '0101' }),
    },
    { token: owner.token },
  );
  expect(renamed.status).toBe(200);
  expect(renamed.body).toMatchObject({ name: 'Gold VIPs', description: 'for the launch', lastCount: 1 });
  const badEdit = await app.http.patch(
    `/api/segments/${id}`,
    { condition: and({ kind: 'custom', key: 'nope', op: 'is_empty' }) },
    { token: owner.token },
  );
  expect(fieldsOf(badEdit)).toEqual(['condition.children.0.key']);

  const list = await app.http.get('/api/segments', { token: owner.token });
  expect(list.body.items.map((s: { name: string }) => s.name)).toEqual(['Gold VIPs']);
  expect((await app.http.get('/api/segments', { token: other.token })).body.items).toEqual([]);
  expect((await app.http.get(`/api/segments/${id}`, { token: other.token })).status).toBe(404);

  const audit = await app.prisma.auditLog.findMany({
    where: { tenantId: owner.tenantId, targetId: id },
    orderBy: { createdAt: 'asc' },
  });
  expect(audit.map((a) => a.action)).toEqual(['segment.created', 'segment.updated']);

  expect((await app.http.delete(`/api/segments/${id}`, { token: owner.token })).status).toBe(204);
  expect((await app.http.get(`/api/segments/${id}`, { token: owner.token })).status).toBe(404);
});

it('[segments] an agent may count and look, not save; the CSV export neutralises formulas', async () => {
  expect((await count(and(vip), agentKey)).body.count).toBe(4);
  const refused = await app.http.post('/api/segments', { name: 'Mine', condition: and(vip) }, { token: agentKey });
  expect(refused.status).toBe(403);

  const saved = await app.http.post(
    '/api/segments',
    { name: 'Notes', condition: and({ kind: 'custom', key: 'note', op: 'is_not_empty' }) },
    { token: owner.token },
  );
  const csv = await app.http.request('GET', `/api/segments/${saved.body.id}/export.csv`, { token: agentKey });
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-disposition')).toMatch(/segment-notes-\d{4}-\d{2}-\d{2}\.csv/);
  const lines = String(csv.body).trim().split('\r\n');
  expect(lines[0]).toBe(
    'phone,name,profile_name,email,language,time_zone,opt_in_status,opt_in_source,opt_in_at,tags,created_at,last_seen_at,last_inbound_at,last_outbound_at,messages_received,messages_sent,campaigns_received,flows_completed,fields.note,fields.plan,fields.vip',
  );
  expect(lines).toHaveLength(6);
  expect(lines[1]).toMatch(/^'\+14155550101,"'=HYPERLINK\(""http:\/\/evil""\)",/);
  expect(lines[2]).toContain(",'+1 call me,Gold,");
});
