// Platform events from the API: assigning and resolving conversations (one at a time and in
// bulk), and creating, editing and tagging contacts.
import type { EventType } from '#api/events/schemas';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { connectCloudChannel, type SeededChannel } from '../../support/seed/channel.ts';
import { seedConversation, seedTeam } from '../../support/seed/inbox.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { eventMatching, eventsOf, wantEvents } from './event-support.ts';

jest.setTimeout(60_000);

const ALL: EventType[] = [
  'conversation.assigned',
  'conversation.resolved',
  'contact.created',
  'contact.updated',
  'contact.tag_added',
];

let app: TestApp;
let tenant: SeededTenant;
let channel: SeededChannel;
const as = { token: '' };

beforeAll(async () => {
  app = await startTestApp({ SANDBOX_URL: 'off' });
  tenant = await signUpTenant(app.http);
  channel = await connectCloudChannel(app.http, tenant.token);
  await wantEvents(app, tenant.tenantId, ALL);
  as.token = tenant.token;
});
afterAll(() => app.stop());

describe('[events] conversations', () => {
  it('assigning to a member and to a team announces each; unassigning does not', async () => {
    const conversation = await seedConversation(app.prisma, {
      tenantId: tenant.tenantId,
      channelId: channel.channelId,
    });
    const userId = tenant.session.user.id;
    const assign = (body: object) => app.http.post(`/api/conversations/${conversation.id}/assign`, body, as);
    expect((await assign({ userId })).status).toBe(200);
    const teamId = await seedTeam(app.prisma, tenant.tenantId, 'Billing');
    expect((await assign({ teamId, userId: null })).status).toBe(200);
    expect((await app.http.post(`/api/conversations/${conversation.id}/unassign`, {}, as)).status).toBe(200);
    const base = { conversationId: conversation.id, channelId: channel.channelId, contactId: conversation.contactId };
    await eventMatching(app.prisma, tenant.tenantId, 'conversation.assigned', (e) => e.teamId === teamId);
    const events = await eventsOf(app.prisma, tenant.tenantId, 'conversation.assigned');
    expect(events.filter((e) => e.conversationId === conversation.id)).toEqual([
      { ...base, assigneeUserId: userId, teamId: null },
      { ...base, assigneeUserId: null, teamId },
    ]);
  });

  it('bulk assignment announces each conversation', async () => {
    const ids = await Promise.all(
      [1, 2].map(
        async () =>
          (await seedConversation(app.prisma, { tenantId: tenant.tenantId, channelId: channel.channelId })).id,
      ),
    );
    const userId = tenant.session.user.id;
    expect((await app.http.post('/api/conversations/bulk/assign', { ids, userId }, as)).body).toEqual({ updated: 2 });
    for (const id of ids) {
      await eventMatching(app.prisma, tenant.tenantId, 'conversation.assigned', (e) => e.conversationId === id);
    }
  });

  it('resolving announces it once; other statuses and bulk resolving follow the same rule', async () => {
    const one = await seedConversation(app.prisma, { tenantId: tenant.tenantId, channelId: channel.channelId });
    const status = (status: string) => app.http.post(`/api/conversations/${one.id}/status`, { status }, as);
    expect((await status('pending')).status).toBe(200);
    expect((await status('resolved')).status).toBe(200);
    expect((await status('resolved')).status).toBe(200); // already resolved: no change
    const resolved = await eventMatching(
      app.prisma,
      tenant.tenantId,
      'conversation.resolved',
      (e) => e.conversationId === one.id,
    );
    expect(resolved).toEqual({ conversationId: one.id, channelId: channel.channelId, contactId: one.contactId });

    const two = await seedConversation(app.prisma, { tenantId: tenant.tenantId, channelId: channel.channelId });
    await app.http.post('/api/conversations/bulk/status', { ids: [one.id, two.id], status: 'resolved' }, as);
    await eventMatching(app.prisma, tenant.tenantId, 'conversation.resolved', (e) => e.conversationId === two.id);
    const all = await eventsOf(app.prisma, tenant.tenantId, 'conversation.resolved');
    expect(all.filter((e) => e.conversationId === one.id)).toHaveLength(1);
  });
});

describe('[events] contacts', () => {
  it('creating, editing and tagging a contact announce what changed', async () => {
    await app.prisma.customField.create({
      data: { tenantId: tenant.tenantId, key: 'plan', label: 'Plan', type: 'text' },
    });
    const created = await app.http.post('/api/contacts', { phone: '+14155550101', name: 'Alan', tags: ['lead'] }, as);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const contact = { id, phone: '+14155550101', name: 'Alan' };
    expect(await eventMatching(app.prisma, tenant.tenantId, 'contact.created', (e) => e.contact.id === id)).toEqual({
      contact,
    });

    const edited = await app.http.patch(`/api/contacts/${id}`, { name: 'Alan T.', fields: { plan: 'gold' } }, as);
    expect(edited.status).toBe(200);
    const updated = await eventMatching(app.prisma, tenant.tenantId, 'contact.updated', (e) => e.contact.id === id);
    expect(updated).toEqual({
      contact: { ...contact, name: 'Alan T.' },
      changes: [
        { attribute: 'name', from: 'Alan', to: 'Alan T.' },
        { attribute: 'fields.plan', from: null, to: 'gold' },
      ],
    });

    const tagged = await app.http.post('/api/contacts/bulk/tags', { ids: [id], add: ['vip', 'lead'], remove: [] }, as);
    expect(tagged.status).toBe(200);
    const tag = await eventMatching(app.prisma, tenant.tenantId, 'contact.tag_added', (e) => e.contact.id === id);
    expect(tag).toEqual({ contact: { ...contact, name: 'Alan T.' }, tag: 'vip' });
    const changes = await eventMatching(app.prisma, tenant.tenantId, 'contact.updated', (e) =>
      e.changes.some((c) => c.attribute === 'tags'),
    );
    expect(changes.changes).toEqual([{ attribute: 'tags', from: ['lead'], to: ['lead', 'vip'] }]);
    // 'lead' was there already: only 'vip' is announced.
    expect((await eventsOf(app.prisma, tenant.tenantId, 'contact.tag_added')).map((e) => e.tag)).toEqual(['vip']);
  });

  it('a message sent through the API to a new number announces the contact it creates, once', async () => {
    const send = () =>
      app.http.post(
        '/api/messages',
        {
          channelId: channel.channelId,
          to: { phone: '+14155550111' },
          content: { type: 'text', text: { body: 'hi' } },
        },
        as,
      );
    // Free text outside the 24-hour window is refused (409), but the contact is saved first.
    await send();
    await send();
    await eventMatching(app.prisma, tenant.tenantId, 'contact.created', (e) => e.contact.phone === '+14155550111');
    const created = await eventsOf(app.prisma, tenant.tenantId, 'contact.created');
    expect(created.filter((e) => e.contact.phone === '+14155550111')).toHaveLength(1);
  });
});
