// Contacts and custom fields through the REST API: E.164 phones and duplicates, every field type's
// validation, required fields, opt-in bookkeeping, the list's filters and pages, bulk tags, the
// CSV export, and the custom field lifecycle (limits, rename keeps data, confirmed delete).
import { seedConversation } from '../../support/seed/inbox.ts';
import { createApiKey, signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

jest.setTimeout(90_000);

let app: TestApp;
let owner: SeededTenant;

beforeAll(async () => {
  app = await startTestApp();
  owner = await signUpTenant(app.http);
});
afterAll(() => app?.stop());

const post = (path: string, body: unknown, token = owner.token) => app.http.post(path, body, { token });
const patch = (path: string, body: unknown, token = owner.token) => app.http.patch(path, body, { token });
const get = (path: string, token = owner.token) => app.http.get(path, { token });
const fieldErrors = (response: { body: { error: { details: { fields: Array<{ field: string }> } } } }) =>
  response.body.error.details.fields.map((f) => f.field);

async function defineFields(tenant: SeededTenant) {
  const fields = [
    { key: 'nickname', label: 'Nickname', type: 'text' },
    { key: 'score', label: 'Score', type: 'number' },
    { key: 'birthday', label: 'Birthday', type: 'date' },
    { key: 'plan', label: 'Plan', type: 'dropdown', options: ['Free', 'Gold'] },
    { key: 'interests', label: 'Interests', type: 'multi_select', options: ['Shoes', 'Bags', 'Hats'] },
    { key: 'vip', label: 'VIP', type: 'checkbox' },
  ];
  for (const field of fields) {
    const created = await post('/api/custom-fields', field, tenant.token);
    expect(created.status).toBe(201);
  }
}

it('[contacts] a contact is stored with an E.164 phone; the same number again is a 409 naming phone', async () => {
  const created = await post('/api/contacts', { phone: '00 44 7911 123456', name: 'Olivia', email: 'o@example.com' });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ phone: '+447911123456', waId: '447911123456', displayName: 'Olivia' });
  expect(created.body.engagement).toEqual({
    messagesSentCount: 0,
    messagesReceivedCount: 0,
    lastInboundAt: null,
    lastOutboundAt: null,
    campaignsReceivedCount: 0,
    flowsCompletedCount: 0,
  });

  const again = await post('/api/contacts', { phone: '+44 7911 123456' });
  expect(again.status).toBe(409);
  expect(fieldErrors(again)).toEqual(['phone']);

  const invalid = await post('/api/contacts', { phone: '12' });
  expect(invalid.status).toBe(400);
  expect(fieldErrors(invalid)).toEqual(['phone']);
  const badEmail = await post('/api/contacts', { phone: '+14155550100', email: 'not-an-email' });
  expect(fieldErrors(badEmail)).toEqual(['email']);
  const badZone = await post('/api/contacts', { phone: '+14155550100', timeZone: 'Mars/Olympus' });
  expect(fieldErrors(badZone)).toEqual(['timeZone']);
  const badLanguage = await post('/api/contacts', { phone: '+14155550100', language: 'English!' });
  expect(fieldErrors(badLanguage)).toEqual(['language']);

  const taken = await patch(`/api/contacts/${(await post('/api/contacts', { phone: '+14155550101' })).body.id}`, {
    phone: '+447911123456',
  });
  expect(taken.status).toBe(409);
  expect(fieldErrors(taken)).toEqual(['phone']);
});

it('[contacts] every custom field type is validated and stored in its typed form; unknown keys and required fields are refused', async () => {
  const tenant = await signUpTenant(app.http);
  await defineFields(tenant);
  const ok = await post(
    '/api/contacts',
    {
      phone: '+14155550111',
      fields: {
        nickname: ' Ace ',
        score: '42.5',
        birthday: '31/12/1990',
        plan: 'gold',
        interests: ['bags', 'Shoes'],
        vip: 'yes',
      },
    },
    tenant.token,
  );
  expect(ok.status).toBe(201);
  expect(ok.body.fields).toEqual({
    nickname: 'Ace',
    score: 42.5,
    birthday: '1990-12-31',
    plan: 'Gold',
    interests: ['Bags', 'Shoes'],
    vip: true,
  });

  const bad: Array<[string, unknown]> = [
    ['nickname', 'x'.repeat(1001)],
    ['score', 'twelve'],
    ['birthday', '2026-02-30'],
    ['plan', 'Platinum'],
    ['interests', ['Shoes', 'Cars']],
    ['vip', 'maybe'],
    ['unknown_key', 'x'],
  ];
  for (const [key, value] of bad) {
    const refused = await post('/api/contacts', { phone: '+14155550112', fields: { [key]: value } }, tenant.token);
    expect({ key, status: refused.status, fields: fieldErrors(refused) }).toEqual({
      key,
      status: 400,
      fields: [`fields.${key}`],
    });
  }
  const updated = await patch(`/api/contacts/${ok.body.id}`, { fields: { score: 'lots' } }, tenant.token);
  expect(fieldErrors(updated)).toEqual(['fields.score']);

  const required = await post(
    '/api/custom-fields',
    { key: 'customer_id', label: 'Customer ID', type: 'text', required: true },
    tenant.token,
  );
  expect(required.status).toBe(201);
  const missing = await post('/api/contacts', { phone: '+14155550113' }, tenant.token);
  expect(missing.status).toBe(400);
  expect(fieldErrors(missing)).toEqual(['fields.customer_id']);
  // Existing contacts keep working: a partial edit does not need the new required field...
  const partial = await patch(`/api/contacts/${ok.body.id}`, { fields: { score: 7, vip: null } }, tenant.token);
  expect(partial.status).toBe(200);
  expect(partial.body.fields).toMatchObject({ score: 7, nickname: 'Ace' });
  expect(partial.body.fields).not.toHaveProperty('vip');
  // ...but cannot clear it once set.
  await patch(`/api/contacts/${ok.body.id}`, { fields: { customer_id: 'C-1' } }, tenant.token);
  const cleared = await patch(`/api/contacts/${ok.body.id}`, { fields: { customer_id: null } }, tenant.token);
  expect(fieldErrors(cleared)).toEqual(['fields.customer_id']);
});

it('[contacts] changing the opt-in status records its source and time; API keys default to source api', async () => {
  const key = await createApiKey(app.http, owner.token, 'Manager');
  const created = await post('/api/contacts', { phone: '+14155550120', optInStatus: 'opted_in' }, key);
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ optInStatus: 'opted_in', optInSource: 'api' });
  expect(Date.parse(created.body.optInAt)).toBeGreaterThan(Date.now() - 60_000);

  const withdrawn = await patch(`/api/contacts/${created.body.id}`, {
    optInStatus: 'opted_out',
    optInSource: 'keyword',
  });
  expect(withdrawn.body).toMatchObject({ optInStatus: 'opted_out', optInSource: 'keyword' });
  const unchanged = await patch(`/api/contacts/${created.body.id}`, { name: 'Still out' });
  expect(unchanged.body).toMatchObject({
    optInStatus: 'opted_out',
    optInSource: 'keyword',
    optInAt: withdrawn.body.optInAt,
  });
});

it('[contacts] the list searches, filters by tag and opt-in, pages with a cursor, and bulk-tags; an agent cannot write', async () => {
  const tenant = await signUpTenant(app.http);
  for (let i = 0; i < 7; i += 1) {
    await post(
      '/api/contacts',
      {
        phone: `+1415555020${i}`,
        name: i === 3 ? 'Zed Findme' : `Person ${i}`,
        email: `p${i}@example.com`,
        tags: i % 2 === 0 ? ['even'] : [],
        optInStatus: i < 2 ? 'opted_in' : 'unknown',
      },
      tenant.token,
    );
  }
  const names = (page: { body: { items: Array<{ name: string }> } }) => page.body.items.map((c) => c.name);
  expect(names(await get('/api/contacts?search=findme', tenant.token))).toEqual(['Zed Findme']);
  expect(names(await get('/api/contacts?search=5550205', tenant.token))).toEqual(['Person 5']);
  expect(names(await get('/api/contacts?search=P6%40EXAMPLE', tenant.token))).toEqual(['Person 6']);
  expect((await get('/api/contacts?tag=even', tenant.token)).body.total).toBe(4);
  expect(names(await get('/api/contacts?optInStatus=opted_in', tenant.token)).sort()).toEqual(['Person 0', 'Person 1']);

  const first = await get('/api/contacts?limit=4', tenant.token);
  expect(first.body.items).toHaveLength(4);
  expect(first.body.total).toBe(7);
  const second = await get(`/api/contacts?limit=4&cursor=${first.body.nextCursor}`, tenant.token);
  expect(second.body.items).toHaveLength(3);
  expect(second.body.nextCursor).toBeNull();
  const all = [...names(first), ...names(second)];
  expect(new Set(all).size).toBe(7);
  expect(all[0]).toBe('Person 6'); // newest first

  const ids = first.body.items.map((c: { id: string }) => c.id);
  const tagged = await post('/api/contacts/bulk/tags', { ids, add: ['spring'], remove: ['even'] }, tenant.token);
  expect(tagged.body).toEqual({ updated: 4 });
  expect((await get('/api/contacts?tag=spring', tenant.token)).body.total).toBe(4);
  // The first page (6, 5, 4, 3) held two of the four even ones.
  expect((await get('/api/contacts?tag=even', tenant.token)).body.total).toBe(2);

  const agentKey = await createApiKey(app.http, tenant.token, 'Agent');
  expect((await get('/api/contacts', agentKey)).status).toBe(200);
  expect((await post('/api/contacts', { phone: '+14155550299' }, agentKey)).status).toBe(403);
  expect((await get('/api/contacts?optInStatus=maybe', tenant.token)).status).toBe(400);
});

it('[contacts] the CSV export streams the filtered list with custom fields, and neutralises formulas', async () => {
  const tenant = await signUpTenant(app.http);
  await defineFields(tenant);
  await post(
    '/api/contacts',
    { phone: '+14155550301', name: '=HYPERLINK("x")', tags: ['csv'], fields: { plan: 'Gold', interests: 'Hats,Bags' } },
    tenant.token,
  );
  await post('/api/contacts', { phone: '+14155550302', name: 'Not exported' }, tenant.token);
  const csv = await get('/api/contacts/export.csv?tag=csv', tenant.token);
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
  expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="?contacts-\d{4}-\d{2}-\d{2}\.csv/);
  const lines = (csv.body as string).trim().split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^id,phone,name,.*,field:plan,field:interests,field:vip$/);
  expect(lines[1]).toContain(`+14155550301,"'=HYPERLINK(""x"")"`);
  expect(lines[1]).toMatch(/,Gold,Hats; Bags,$/);
  expect(lines.join()).not.toContain('Not exported');
});

it('[custom fields] renaming keeps values, at most 3 are agent-visible, deleting needs the key and clears values (audited)', async () => {
  const tenant = await signUpTenant(app.http);
  const field = await post('/api/custom-fields', { key: 'tier', label: 'Tier', type: 'text' }, tenant.token);
  const contact = await post('/api/contacts', { phone: '+14155550401', fields: { tier: 'A' } }, tenant.token);
  const renamed = await patch(`/api/custom-fields/${field.body.id}`, { label: 'Customer tier' }, tenant.token);
  expect(renamed.body).toMatchObject({ key: 'tier', label: 'Customer tier' });
  expect((await get(`/api/contacts/${contact.body.id}`, tenant.token)).body.fields).toEqual({ tier: 'A' });

  const duplicate = await post('/api/custom-fields', { key: 'tier', label: 'Again', type: 'text' }, tenant.token);
  expect(duplicate.status).toBe(409);
  expect(fieldErrors(duplicate)).toEqual(['key']);
  const noOptions = await post('/api/custom-fields', { key: 'size', label: 'Size', type: 'dropdown' }, tenant.token);
  expect(fieldErrors(noOptions)).toEqual(['options']);
  const badKey = await post('/api/custom-fields', { key: 'Bad Key', label: 'Bad', type: 'text' }, tenant.token);
  expect(fieldErrors(badKey)).toEqual(['key']);

  for (const key of ['a1', 'a2', 'a3']) {
    expect(
      (await post('/api/custom-fields', { key, label: key, type: 'text', agentVisible: true }, tenant.token)).status,
    ).toBe(201);
  }
  const fourth = await post(
    '/api/custom-fields',
    { key: 'a4', label: 'a4', type: 'text', agentVisible: true },
    tenant.token,
  );
  expect(fourth.status).toBe(422);
  expect(fieldErrors(fourth)).toEqual(['agentVisible']);
  const promote = await patch(`/api/custom-fields/${field.body.id}`, { agentVisible: true }, tenant.token);
  expect(promote.status).toBe(422);

  const unconfirmed = await app.http.delete(`/api/custom-fields/${field.body.id}`, { token: tenant.token });
  expect(unconfirmed.status).toBe(400);
  expect(fieldErrors(unconfirmed)).toEqual(['confirm']);
  const deleted = await app.http.delete(`/api/custom-fields/${field.body.id}?confirm=tier`, { token: tenant.token });
  expect(deleted.body).toEqual({ key: 'tier', contactsCleared: 1 });
  expect((await get(`/api/contacts/${contact.body.id}`, tenant.token)).body.fields).toEqual({});
  const auditEntry = await app.prisma.auditLog.findFirst({
    where: { tenantId: tenant.tenantId, action: 'customField.deleted' },
  });
  expect(auditEntry?.metadata).toMatchObject({ key: 'tier', contactsCleared: 1 });
});

it('[custom fields] a workspace holds up to 100 fields', async () => {
  const tenant = await signUpTenant(app.http);
  await app.prisma.customField.createMany({
    data: Array.from({ length: 100 }, (_, i) => ({
      tenantId: tenant.tenantId,
      key: `f${i}`,
      label: `F${i}`,
      type: 'text',
    })),
  });
  const over = await post('/api/custom-fields', { key: 'one_more', label: 'One more', type: 'text' }, tenant.token);
  expect(over.status).toBe(422);
  expect(fieldErrors(over)).toEqual(['key']);
  expect((await get('/api/custom-fields', tenant.token)).body.items).toHaveLength(100);
});

it('[contacts] the inbox contact panel shows the agent-visible custom fields, by label, even when empty', async () => {
  const tenant = await signUpTenant(app.http);
  await post('/api/custom-fields', { key: 'plan', label: 'Plan', type: 'text', agentVisible: true }, tenant.token);
  await post('/api/custom-fields', { key: 'secret_note', label: 'Secret note', type: 'text' }, tenant.token);
  await post('/api/custom-fields', { key: 'vip', label: 'VIP', type: 'checkbox', agentVisible: true }, tenant.token);
  const channel = await app.prisma.channel.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
  const conversation = await seedConversation(app.prisma, {
    tenantId: tenant.tenantId,
    channelId: channel.id,
    fields: { plan: 'Gold', secret_note: 'owes us' },
  });
  const detail = await get(`/api/conversations/${conversation.id}`, tenant.token);
  expect(detail.status).toBe(200);
  expect(detail.body.contact.fields).toEqual({
    visible: [
      { key: 'plan', label: 'Plan', value: 'Gold' },
      { key: 'vip', label: 'VIP', value: null },
    ],
    hiddenCount: 1,
  });
});
