// Working a conversation: assignment with its history and notification, notes with mentions,
// tags and their stats, priority, status and snooze (and what a customer message does to them),
// bulk actions that are all or nothing, the CSV export, saved views, and who may do what.
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { connectCloudChannel, type SeededChannel } from '../../support/seed/channel.ts';
import { inviteAndJoin } from '../../support/seed/invite.ts';
import { minutesAgo, seedConversation, seedTeam } from '../../support/seed/inbox.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { inboundWebhook, signedBody } from '../../support/whatsapp-webhook.ts';
import { wakeSnoozedConversations } from '#api/inbox/snooze-sweep';

let app: TestApp;
let owner: SeededTenant;
let agent: { token: string; memberUserId: string };
let channel: SeededChannel;

beforeAll(async () => {
  app = await startTestApp({ SANDBOX_URL: 'off' });
  owner = await signUpTenant(app.http);
  agent = await inviteAndJoin(app.http, app.prisma, owner.token, 'Agent', `agent-${Date.now()}@example.com`);
  channel = await connectCloudChannel(app.http, owner.token);
});
afterAll(() => app.stop());

const asOwner = () => ({ token: owner.token });
const conversation = (input: Partial<Parameters<typeof seedConversation>[1]> = {}) =>
  seedConversation(app.prisma, { tenantId: owner.tenantId, channelId: channel.channelId, name: 'Ada', ...input });

async function notificationsOf(userId: string) {
  return app.prisma.notification.findMany({
    where: { tenantId: owner.tenantId, userId },
    orderBy: { createdAt: 'asc' },
  });
}

describe('[inbox] assignment', () => {
  it('assigns, transfers and unassigns with reasons, logs each step and notifies the new agent', async () => {
    const { id } = await conversation();
    const team = await seedTeam(app.prisma, owner.tenantId, 'Support');
    const assigned = await app.http.post(
      `/api/conversations/${id}/assign`,
      { userId: agent.memberUserId, reason: 'Speaks Portuguese' },
      asOwner(),
    );
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignee).toEqual({ userId: agent.memberUserId, name: 'Member Agent' });
    const notes = await notificationsOf(agent.memberUserId);
    expect(notes.at(-1)).toMatchObject({
      kind: 'conversation.assigned',
      title: 'Test Owner assigned you a conversation',
      body: 'Ada: Speaks Portuguese',
      link: `/inbox/${id}`,
    });

    const transferred = await app.http.post(
      `/api/conversations/${id}/assign`,
      { teamId: team, userId: null },
      asOwner(),
    );
    expect(transferred.body).toMatchObject({ assignee: null, team: { id: team, name: 'Support' } });
    const unassigned = await app.http.post(
      `/api/conversations/${id}/unassign`,
      { reason: 'Back to the queue' },
      asOwner(),
    );
    expect(unassigned.body).toMatchObject({ assignee: null, team: null });
    // Assigning what is already so logs nothing.
    await app.http.post(`/api/conversations/${id}/unassign`, {}, asOwner());

    const log = await app.http.get(`/api/conversations/${id}/assignments`, asOwner());
    expect(log.body.items).toEqual([
      expect.objectContaining({
        kind: 'unassigned',
        from: { assignee: null, team: { id: team, name: 'Support' } },
        to: { assignee: null, team: null },
        reason: 'Back to the queue',
      }),
      expect.objectContaining({
        kind: 'transferred',
        from: { assignee: { userId: agent.memberUserId, name: 'Member Agent' }, team: null },
        to: { assignee: null, team: { id: team, name: 'Support' } },
        reason: null,
      }),
      expect.objectContaining({
        kind: 'assigned',
        by: { kind: 'user', id: owner.session.user.id, name: 'Test Owner' },
        reason: 'Speaks Portuguese',
      }),
    ]);
  });

  it('does not notify an agent who assigns themselves', async () => {
    const { id } = await conversation();
    const before = (await notificationsOf(agent.memberUserId)).length;
    const manager = await inviteAndJoin(app.http, app.prisma, owner.token, 'Manager', `mgr-${Date.now()}@example.com`);
    await app.http.post(`/api/conversations/${id}/assign`, { userId: manager.memberUserId }, { token: manager.token });
    expect((await notificationsOf(manager.memberUserId)).length).toBe(0);
    expect((await notificationsOf(agent.memberUserId)).length).toBe(before);
  });

  it('refuses unknown members and teams, naming the field', async () => {
    const { id } = await conversation();
    const stranger = await signUpTenant(app.http);
    const notMember = await app.http.post(
      `/api/conversations/${id}/assign`,
      { userId: stranger.session.user.id },
      asOwner(),
    );
    expect(notMember.status).toBe(404);
    expect(notMember.body.error.details.fields).toEqual([expect.objectContaining({ field: 'userId' })]);
    const noTeam = await app.http.post(`/api/conversations/${id}/assign`, { teamId: stranger.tenantId }, asOwner());
    expect(noTeam.body.error.details.fields).toEqual([expect.objectContaining({ field: 'teamId' })]);
    const empty = await app.http.post(`/api/conversations/${id}/assign`, { reason: 'nothing to do' }, asOwner());
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.fields).toEqual([expect.objectContaining({ field: 'userId', in: 'body' })]);
  });

  it('needs inbox.assign (an agent gets 403), and another workspace gets 404', async () => {
    const { id } = await conversation();
    const byAgent = await app.http.post(`/api/conversations/${id}/assign`, { userId: agent.memberUserId }, agent);
    expect(byAgent.status).toBe(403);
    const bulk = await app.http.post(
      '/api/conversations/bulk/assign',
      { ids: [id], userId: agent.memberUserId },
      agent,
    );
    expect(bulk.status).toBe(403);
    const stranger = await signUpTenant(app.http);
    const foreign = await app.http.post(`/api/conversations/${id}/assign`, { userId: null }, { token: stranger.token });
    expect(foreign.status).toBe(404);
  });

  it('an agent without inbox.assign takes an unassigned conversation, but not one another agent has', async () => {
    const free = await conversation();
    const taken = await app.http.post(`/api/conversations/${free.id}/take`, {}, agent);
    expect(taken.status).toBe(200);
    expect(taken.body.assignee).toEqual({ userId: agent.memberUserId, name: 'Member Agent' });
    const log = await app.http.get(`/api/conversations/${free.id}/assignments`, asOwner());
    expect(log.body.items[0]).toMatchObject({ kind: 'assigned', by: { kind: 'user', id: agent.memberUserId } });
    // Taking it again changes nothing; the owner's is not the agent's to take.
    expect((await app.http.post(`/api/conversations/${free.id}/take`, {}, agent)).status).toBe(200);
    const owners = await conversation();
    await app.http.post(`/api/conversations/${owners.id}/assign`, { userId: owner.session.user.id }, asOwner());
    const refused = await app.http.post(`/api/conversations/${owners.id}/take`, {}, agent);
    // The agent cannot see the owner's conversation (no inbox.view_all): it is not there for them.
    expect(refused.status).toBe(404);
    const member = await inviteAndJoin(app.http, app.prisma, owner.token, 'Manager', `m-${Date.now()}@example.com`);
    const conflict = await app.http.post(`/api/conversations/${free.id}/take`, {}, member);
    expect(conflict.status).toBe(409);
    const row = await app.prisma.conversation.findUniqueOrThrow({ where: { id: free.id } });
    expect(row.assigneeUserId).toBe(agent.memberUserId);
  });
});

describe('[inbox] notes', () => {
  it('mentions notify the members named, pins show on the conversation, and non-members are refused', async () => {
    const { id } = await conversation();
    const created = await app.http.post(
      `/api/conversations/${id}/notes`,
      { body: '@Member Agent please call back', mentionedUserIds: [agent.memberUserId, owner.session.user.id] },
      asOwner(),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      body: '@Member Agent please call back',
      author: { userId: owner.session.user.id, name: 'Test Owner' },
      mentions: [
        { userId: agent.memberUserId, name: 'Member Agent' },
        { userId: owner.session.user.id, name: 'Test Owner' },
      ],
      pinnedAt: null,
    });
    expect((await notificationsOf(agent.memberUserId)).at(-1)).toMatchObject({
      kind: 'note.mentioned',
      body: '@Member Agent please call back',
    });
    expect((await notificationsOf(owner.session.user.id)).some((n) => n.kind === 'note.mentioned')).toBe(false);

    const pinned = await app.http.patch(
      `/api/conversations/${id}/notes/${created.body.id}`,
      { pinned: true },
      asOwner(),
    );
    expect(pinned.body.pinnedAt).not.toBeNull();
    const detail = await app.http.get(`/api/conversations/${id}`, asOwner());
    expect(detail.body.pinnedNotes.map((n: { id: string }) => n.id)).toEqual([created.body.id]);
    const listed = await app.http.get(`/api/conversations/${id}/notes`, agent);
    expect(listed.body.items).toHaveLength(1);

    const stranger = await signUpTenant(app.http);
    const bad = await app.http.post(
      `/api/conversations/${id}/notes`,
      { body: 'hi', mentionedUserIds: [stranger.session.user.id] },
      asOwner(),
    );
    expect(bad.status).toBe(404);
    expect(bad.body.error.details.fields).toEqual([expect.objectContaining({ field: 'mentionedUserIds.0' })]);
    const blank = await app.http.post(`/api/conversations/${id}/notes`, { body: '   ' }, asOwner());
    expect(blank.status).toBe(400);
    expect(blank.body.error.details.fields).toEqual([expect.objectContaining({ field: 'body' })]);
  });
});

describe('[inbox] tags and priority', () => {
  it('creates coloured tags, tags conversations, counts them, and refuses duplicates by name', async () => {
    const a = await conversation();
    const b = await conversation({ status: 'resolved' });
    const refund = await app.http.post('/api/inbox/tags', { name: 'refund', color: '#dc2626' }, asOwner());
    expect(refund.status).toBe(201);
    const dup = await app.http.post('/api/inbox/tags', { name: 'refund' }, asOwner());
    expect(dup.status).toBe(409);
    expect(dup.body.error.details.fields).toEqual([expect.objectContaining({ field: 'name' })]);
    const badColour = await app.http.post('/api/inbox/tags', { name: 'x', color: 'red' }, asOwner());
    expect(badColour.body.error.details.fields).toEqual([expect.objectContaining({ field: 'color' })]);

    const tagged = await app.http.post(`/api/conversations/${a.id}/tags`, { tagIds: [refund.body.id] }, agent);
    expect(tagged.body.tags).toEqual([{ id: refund.body.id, name: 'refund', color: '#dc2626' }]);
    await app.http.post(`/api/conversations/${b.id}/tags`, { tagIds: [refund.body.id] }, asOwner());
    const stats = await app.http.get('/api/inbox/tags/stats', asOwner());
    expect(stats.body.items).toContainEqual(
      expect.objectContaining({ id: refund.body.id, conversations: 2, openConversations: 1 }),
    );
    const untagged = await app.http.delete(`/api/conversations/${a.id}/tags/${refund.body.id}`, asOwner());
    expect(untagged.body.tags).toEqual([]);

    const recoloured = await app.http.patch(`/api/inbox/tags/${refund.body.id}`, { color: '#16a34a' }, asOwner());
    expect(recoloured.body.color).toBe('#16a34a');
    expect((await app.http.delete(`/api/inbox/tags/${refund.body.id}`, agent)).status).toBe(403);
    expect((await app.http.delete(`/api/inbox/tags/${refund.body.id}`, asOwner())).status).toBe(204);
    const after = await app.http.get(`/api/conversations/${b.id}`, asOwner());
    expect(after.body.tags).toEqual([]);
  });

  it('sets the priority', async () => {
    const { id } = await conversation();
    const response = await app.http.post(`/api/conversations/${id}/priority`, { priority: 'urgent' }, agent);
    expect(response.body.priority).toBe('urgent');
    const bad = await app.http.post(`/api/conversations/${id}/priority`, { priority: 'asap' }, agent);
    expect(bad.body.error.details.fields).toEqual([expect.objectContaining({ field: 'priority' })]);
  });
});

describe('[inbox] status, snooze and the customer coming back', () => {
  function customerWrites(waId: string, text: string) {
    const { body, signature } = signedBody(
      inboundWebhook(channel.phoneNumberId, waId, 'Customer', { type: 'text', text: { body: text } }),
      channel.appSecret,
    );
    return app.http.request('POST', `/webhooks/whatsapp/${channel.channelId}`, {
      rawBody: body,
      headers: { 'x-hub-signature-256': signature },
    });
  }

  it('a customer message reopens a resolved conversation and starts the wait; an answer ends it', async () => {
    const waId = '15550001111';
    await customerWrites(waId, 'hello');
    const row = await app.prisma.conversation.findFirstOrThrow({
      where: { channelId: channel.channelId, contact: { waId } },
    });
    expect(row.waitingSince).not.toBeNull();
    const firstWait = row.waitingSince!;
    await customerWrites(waId, 'anyone?');
    expect((await app.prisma.conversation.findUniqueOrThrow({ where: { id: row.id } })).waitingSince).toEqual(
      firstWait,
    );

    const resolved = await app.http.post(`/api/conversations/${row.id}/status`, { status: 'resolved' }, asOwner());
    expect(resolved.body).toMatchObject({ status: 'resolved', waitingSince: null });
    await customerWrites(waId, 'one more thing');
    const reopened = await app.http.get(`/api/conversations/${row.id}`, asOwner());
    expect(reopened.body).toMatchObject({ status: 'open', resolvedAt: null, waitingSince: expect.any(String) });

    const answer = await app.http.post(
      '/api/messages',
      {
        channelId: channel.channelId,
        to: { contactId: row.contactId },
        content: { type: 'text', text: { body: 'Sure!' } },
      },
      asOwner(),
    );
    expect(answer.status).toBe(202);
    expect((await app.http.get(`/api/conversations/${row.id}`, asOwner())).body.waitingSince).toBeNull();
  });

  it('snoozes until a time; a customer message wakes it early', async () => {
    const waId = '15550002222';
    await customerWrites(waId, 'hi');
    const { id } = await app.prisma.conversation.findFirstOrThrow({ where: { contact: { waId } } });
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const snoozed = await app.http.post(`/api/conversations/${id}/status`, { status: 'snoozed', until }, agent);
    expect(snoozed.body).toMatchObject({ status: 'snoozed', snoozedUntil: until });
    await customerWrites(waId, 'actually, now');
    expect((await app.http.get(`/api/conversations/${id}`, asOwner())).body).toMatchObject({
      status: 'open',
      snoozedUntil: null,
    });
  });

  it('the sweep wakes a snooze whose time has passed', async () => {
    const { id } = await conversation({ status: 'snoozed', snoozedUntil: minutesAgo(1) });
    const later = await conversation({ status: 'snoozed', snoozedUntil: new Date(Date.now() + 60_000) });
    expect(await wakeSnoozedConversations(app.deps)).toBeGreaterThanOrEqual(1);
    expect(await app.prisma.conversation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'open',
      snoozedUntil: null,
    });
    expect((await app.prisma.conversation.findUniqueOrThrow({ where: { id: later.id } })).status).toBe('snoozed');
  });

  it('refuses a snooze in the past or without a time, naming the field', async () => {
    const { id } = await conversation();
    const past = await app.http.post(
      `/api/conversations/${id}/status`,
      { status: 'snoozed', until: minutesAgo(5).toISOString() },
      asOwner(),
    );
    expect(past.status).toBe(400);
    expect(past.body.error.details.fields).toEqual([expect.objectContaining({ field: 'until' })]);
    const none = await app.http.post(`/api/conversations/${id}/status`, { status: 'snoozed' }, asOwner());
    expect(none.body.error.details.fields).toEqual([expect.objectContaining({ field: 'until' })]);
    const closed = await app.http.post(`/api/conversations/${id}/status`, { status: 'closed' }, asOwner());
    expect(closed.body.error.details.fields).toEqual([expect.objectContaining({ field: 'status' })]);
  });
});

describe('[inbox] bulk actions', () => {
  it('are all or nothing: one unknown id is a 404 naming it and nothing changes', async () => {
    const a = await conversation();
    const b = await conversation();
    const stranger = await signUpTenant(app.http);
    const strangerChannel = await connectCloudChannel(app.http, stranger.token);
    const foreign = await seedConversation(app.prisma, {
      tenantId: stranger.tenantId,
      channelId: strangerChannel.channelId,
    });
    const response = await app.http.post(
      '/api/conversations/bulk/status',
      { ids: [a.id, foreign.id, b.id], status: 'resolved' },
      asOwner(),
    );
    expect(response.status).toBe(404);
    expect(response.body.error.details.fields).toEqual([expect.objectContaining({ field: 'ids.1' })]);
    const rows = await app.prisma.conversation.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(rows.map((r) => r.status)).toEqual(['open', 'open']);
    const foreignRow = await app.prisma.conversation.findUniqueOrThrow({ where: { id: foreign.id } });
    expect(foreignRow.status).toBe('open');
  });

  it('resolve, tag, assign and mark read many at once, counting only what changed', async () => {
    const a = await conversation({ unreadCount: 3 });
    const b = await conversation({ status: 'resolved' });
    const ids = [a.id, b.id];
    expect(
      (await app.http.post('/api/conversations/bulk/status', { ids, status: 'resolved' }, asOwner())).body,
    ).toEqual({
      updated: 1,
    });
    const tag = await app.http.post('/api/inbox/tags', { name: `bulk-${Date.now()}` }, asOwner());
    expect((await app.http.post('/api/conversations/bulk/tags', { ids, add: [tag.body.id] }, asOwner())).body).toEqual({
      updated: 2,
    });
    expect(
      (
        await app.http.post(
          '/api/conversations/bulk/assign',
          { ids, userId: agent.memberUserId, reason: 'Shift' },
          asOwner(),
        )
      ).body,
    ).toEqual({ updated: 2 });
    expect(
      await app.prisma.conversationAssignment.count({ where: { conversationId: { in: ids }, reason: 'Shift' } }),
    ).toBe(2);
    expect((await app.http.post('/api/conversations/bulk/read', { ids }, asOwner())).body).toEqual({ updated: 1 });
    const dup = await app.http.post('/api/conversations/bulk/read', { ids: [a.id, a.id] }, asOwner());
    expect(dup.status).toBe(400);
    expect(dup.body.error.details.fields).toEqual([expect.objectContaining({ field: 'ids' })]);
    const badTag = await app.http.post('/api/conversations/bulk/tags', { ids, add: [owner.tenantId] }, asOwner());
    expect(badTag.status).toBe(404);
    expect(badTag.body.error.details.fields).toEqual([expect.objectContaining({ field: 'add.0' })]);
  });
});

describe('[inbox] CSV export', () => {
  it('exports a selection with proper quoting, and defuses formulas a customer typed', async () => {
    const tricky = await conversation({
      name: '=HYPERLINK("http://evil","click")',
      messages: [{ direction: 'inbound', text: 'line one\nline "two", three' }],
    });
    const plain = await conversation({ name: 'Plain Person' });
    const response = await app.http.post('/api/conversations/export', { ids: [tricky.id, plain.id] }, asOwner());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="?conversations-[\d-]+\.csv"?/);
    const text = String(response.body);
    const [header, ...rest] = text.trimEnd().split('\r\n');
    expect(header).toBe(
      'id,contact_name,contact_phone,channel,status,priority,assignee,team,tags,unread_count,last_message_at,last_message,waiting_since,snoozed_until,created_at',
    );
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(text).toContain('"line one\nline ""two"", three"');
    expect(rest.join('\n')).toContain(`${plain.id},Plain Person,`);
  });

  it('exports what a filter matches, and names a bad filter', async () => {
    const ok = await app.http.post('/api/conversations/export', { filter: { status: 'resolved' } }, asOwner());
    expect(ok.status).toBe(200);
    const lines = String(ok.body).trimEnd().split('\r\n');
    expect(lines.slice(1).every((line) => line.includes(',resolved,'))).toBe(true);
    const bad = await app.http.post('/api/conversations/export', { filter: { status: 'closed' } }, asOwner());
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields).toEqual([expect.objectContaining({ field: 'filter.status.0' })]);
    const unknown = await app.http.post('/api/conversations/export', { filter: { colour: 'red' } }, asOwner());
    expect(unknown.body.error.details.fields).toEqual([expect.objectContaining({ field: 'filter.colour' })]);
  });
});

describe('[inbox] saved views, members, teams and settings', () => {
  it('saves a member’s views, checks their filters, and keeps them private', async () => {
    const created = await app.http.post(
      '/api/inbox/views',
      { name: 'Urgent', query: { priority: 'urgent,high', assignee: 'me' } },
      agent,
    );
    expect(created.status).toBe(201);
    const bad = await app.http.post(
      '/api/inbox/views',
      { name: 'Bad', query: { status: 'closed', colour: 'red' } },
      agent,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'query.colour',
      'query.status.0',
    ]);
    expect((await app.http.get('/api/inbox/views', agent)).body.items.map((v: { name: string }) => v.name)).toEqual([
      'Urgent',
    ]);
    expect((await app.http.get('/api/inbox/views', asOwner())).body.items).toEqual([]);
    expect((await app.http.delete(`/api/inbox/views/${created.body.id}`, asOwner())).status).toBe(404);
    const renamed = await app.http.patch(`/api/inbox/views/${created.body.id}`, { name: 'Hot' }, agent);
    expect(renamed.body).toMatchObject({ name: 'Hot', query: { priority: 'urgent,high', assignee: 'me' } });
  });

  it('lists members and teams, and keeps at most 3 visible contact fields', async () => {
    const members = await app.http.get('/api/inbox/members', agent);
    expect(members.body.items.map((m: { userId: string }) => m.userId)).toEqual(
      expect.arrayContaining([owner.session.user.id, agent.memberUserId]),
    );
    expect((await app.http.get('/api/inbox/teams', agent)).status).toBe(200);
    const tooMany = await app.http.put(
      '/api/inbox/settings',
      { visibleContactFields: ['a', 'b', 'c', 'd'] },
      asOwner(),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details.fields).toEqual([expect.objectContaining({ field: 'visibleContactFields' })]);
    expect((await app.http.put('/api/inbox/settings', { visibleContactFields: ['plan'] }, agent)).status).toBe(403);
    await app.http.put('/api/inbox/settings', { visibleContactFields: ['tier', 'plan'] }, asOwner());
    const { id } = await conversation({ fields: { plan: 'gold', tier: 2, city: 'Lisbon', zip: '1000' } });
    const detail = await app.http.get(`/api/conversations/${id}`, asOwner());
    expect(detail.body.contact.fields).toEqual({
      visible: [
        { key: 'tier', value: 2 },
        { key: 'plan', value: 'gold' },
      ],
      hiddenCount: 2,
    });
    const all = await app.http.get(`/api/conversations/${id}/contact-fields`, asOwner());
    expect(all.body.items.map((f: { key: string }) => f.key)).toEqual(['city', 'plan', 'tier', 'zip']);
  });
});
