// GDPR: a contact's data export holds everything about them, and erasing them leaves nothing in
// any table of the database (searched through information_schema, platform events and request-log
// paths included) but one audit entry with no personal data, and removes the files they sent from media storage.
import { invalidateEventInterest } from '#api/events/event-interest';
import { Prisma } from '#db/client';
import { eventually } from '../../support/eventually.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

jest.setTimeout(120_000);

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const NAME = 'Quillon Zumbrowski';
const EMAIL = 'quillon.zumbrowski@example.com';

let app: TestApp;
let owner: SeededTenant;

beforeAll(async () => {
  app = await startTestApp();
  owner = await signUpTenant(app.http);
});
afterAll(() => app?.stop());

it('[contacts] the GDPR export holds the contact, fields, groups, conversation, messages, notes and media; erasing leaves no trace', async () => {
  const token = owner.token;
  // A subscriber wants message events, so platform events about the customer are recorded too.
  await app.prisma.webhookSubscription.create({
    data: {
      tenantId: owner.tenantId,
      name: 'CRM sync',
      url: 'http://127.0.0.1:1/hook',
      secret: app.deps.secretBox.encrypt('whsec_test'),
      eventTypes: ['message.received', 'contact.created'],
      retryPolicy: { maxAttempts: 1 },
    },
  });
  invalidateEventInterest(owner.tenantId);
  const customer = await app.http.post('/api/sandbox/customers', { name: NAME }, { token });
  const waId: string = customer.body.waId;
  await app.http.post(
    `/api/sandbox/customers/${waId}/messages`,
    { type: 'text', text: { body: 'hi there' } },
    { token },
  );
  await app.http.post(
    `/api/sandbox/customers/${waId}/messages`,
    { type: 'image', image: { data: PNG, mimeType: 'image/png' } },
    { token },
  );
  const media = await eventually(
    () => app.prisma.media.findFirst({ where: { tenantId: owner.tenantId, status: 'stored' } }),
    'the customer’s photo stored',
  );
  const contact = await app.prisma.contact.findFirstOrThrow({ where: { tenantId: owner.tenantId, waId } });
  const conversation = await app.prisma.conversation.findFirstOrThrow({ where: { contactId: contact.id } });

  await app.http.post('/api/custom-fields', { key: 'shoe_size', label: 'Shoe size', type: 'number' }, { token });
  const group = await app.http.post('/api/contact-groups', { name: 'Newsletter' }, { token });
  const edited = await app.http.patch(
    `/api/contacts/${contact.id}`,
    { name: NAME, email: EMAIL, tags: ['runner'], fields: { shoe_size: 44 } },
    { token },
  );
  expect(edited.status).toBe(200);
  await app.http.post(`/api/contact-groups/${group.body.id}/members`, { contactIds: [contact.id] }, { token });
  const sent = await app.http.post(
    '/api/messages',
    {
      channelId: conversation.channelId,
      to: { contactId: contact.id },
      content: { type: 'text', text: { body: `Hello ${NAME}, your order shipped` } },
    },
    { token },
  );
  expect(sent.status).toBe(202);
  await app.http.post(`/api/conversations/${conversation.id}/notes`, { body: `${NAME} prefers mornings` }, { token });
  await eventually(
    async () => (await app.prisma.contact.findUniqueOrThrow({ where: { id: contact.id } })).messagesSentCount >= 1,
    'the reply counted',
  );

  const exported = await app.http.get(`/api/contacts/${contact.id}/export`, { token });
  expect(exported.status).toBe(200);
  expect(exported.headers.get('content-disposition')).toContain(`contact-${contact.id}.json`);
  const data = exported.body;
  expect(data.contact).toMatchObject({ id: contact.id, name: NAME, email: EMAIL, phone: `+${waId}`, tags: ['runner'] });
  expect(data.contact.engagement.messagesReceivedCount).toBe(2);
  expect(data.customFields).toEqual([{ key: 'shoe_size', label: 'Shoe size', type: 'number', value: 44 }]);
  expect(data.groups).toEqual([{ id: group.body.id, name: 'Newsletter' }]);
  expect(data.conversations.map((c: { id: string }) => c.id)).toEqual([conversation.id]);
  expect(data.messages.map((m: { text: string | null }) => m.text)).toEqual(
    expect.arrayContaining(['hi there', `Hello ${NAME}, your order shipped`]),
  );
  expect(data.notes.map((n: { body: string }) => n.body)).toEqual([`${NAME} prefers mornings`]);
  expect(data.media).toEqual([expect.objectContaining({ id: media.id, mimeType: 'image/png' })]);

  const events = await app.prisma.tenantEvent.count({ where: { tenantId: owner.tenantId } });
  expect(events).toBeGreaterThan(0);
  const erased = await app.http.post(`/api/contacts/${contact.id}/erase`, {}, { token });
  expect(erased.status).toBe(200);
  expect(erased.body).toEqual({ contactId: contact.id, conversations: 1, messages: 3, mediaFiles: 1 });
  expect(await app.deps.mediaStore.get(media.storageKey!)).toBeNull();
  expect((await app.http.get(`/api/contacts/${contact.id}`, { token })).status).toBe(404);

  const traces = await findEverywhere([contact.id, `+${waId}`, waId, NAME, EMAIL]);
  // Nothing personal stays. The bare id stays only where it records what was done: the erasure's
  // audit entry and request-log paths such as /api/contacts/<id>/erase.
  expect(traces.filter((trace) => trace.value !== contact.id)).toEqual([]);
  expect(traces).toContainEqual({ table: 'AuditLog', value: contact.id });
  expect(traces.filter((trace) => !['AuditLog', 'ApiRequestLog'].includes(trace.table))).toEqual([]);
  const audit = await app.prisma.auditLog.findFirstOrThrow({
    where: { tenantId: owner.tenantId, targetId: contact.id },
  });
  expect(audit).toMatchObject({ action: 'contact.erased', targetType: 'contact' });
  expect(audit.metadata).toEqual({ contactId: contact.id, conversations: 1, messages: 3, mediaFiles: 1 });
});

/** Every (table, value) whose rows mention the value anywhere, across all tables of the database. */
async function findEverywhere(values: string[]): Promise<Array<{ table: string; value: string }>> {
  const tables = await app.prisma.$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  expect(tables.length).toBeGreaterThan(30);
  const found: Array<{ table: string; value: string }> = [];
  for (const { table_name: table } of tables) {
    for (const value of values) {
      const [row] = await app.prisma.$queryRaw<Array<{ n: bigint }>>(
        Prisma.sql`SELECT count(*) AS n FROM ${Prisma.raw(`"${table}"`)} t WHERE t::text ILIKE ${`%${value}%`}`,
      );
      if (row && row.n > 0n) {
        found.push({ table, value });
      }
    }
  }
  return found;
}
