// The conversation list as an agent uses it: every filter, search, both sorts, pages without
// duplicates or gaps, the tab counts, what a role may see, and clear errors for bad filters.
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { connectCloudChannel } from '../../support/seed/channel.ts';
import { inviteAndJoin } from '../../support/seed/invite.ts';
import { minutesAgo, seedConversation, seedTag, seedTeam } from '../../support/seed/inbox.ts';
import { createApiKey, signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';

let app: TestApp;
let owner: SeededTenant;
let agent: { token: string; memberUserId: string };
let ids: Record<string, string>;
let channelA: string;
let channelB: string;
let team: string;
let tagVip: string;
let tagRefund: string;

beforeAll(async () => {
  app = await startTestApp({ SANDBOX_URL: 'off' });
  owner = await signUpTenant(app.http);
  agent = await inviteAndJoin(app.http, app.prisma, owner.token, 'Agent', `agent-${Date.now()}@example.com`);
  channelA = (await connectCloudChannel(app.http, owner.token)).channelId;
  channelB = (await connectCloudChannel(app.http, owner.token)).channelId;
  const tenantId = owner.tenantId;
  team = await seedTeam(app.prisma, tenantId, 'Billing');
  tagVip = await seedTag(app.prisma, tenantId, 'vip', '#f59e0b');
  tagRefund = await seedTag(app.prisma, tenantId, 'refund', '#dc2626');
  const ownerId = owner.session.user.id;
  const seed = (input: Parameters<typeof seedConversation>[1]) => seedConversation(app.prisma, input);
  const base = { tenantId, channelId: channelA };
  ids = {
    ada: (
      await seed({
        ...base,
        name: 'Ada Lovelace',
        waId: '14155550101',
        lastMessageAt: minutesAgo(1),
        unreadCount: 2,
        waitingSince: minutesAgo(30),
        priority: 'urgent',
        tagIds: [tagVip, tagRefund],
        contactTags: ['newsletter'],
        fields: { plan: 'gold', seats: 5 },
        messages: [{ direction: 'inbound', text: 'Where is my order 4711?' }],
      })
    ).id,
    grace: (
      await seed({
        ...base,
        profileName: 'Grace H',
        waId: '14155550102',
        lastMessageAt: minutesAgo(2),
        assigneeUserId: agent.memberUserId,
        teamId: team,
        waitingSince: minutesAgo(60),
        tagIds: [tagVip],
        messages: [{ direction: 'inbound', text: 'Refund please' }],
      })
    ).id,
    alan: (
      await seed({
        ...base,
        name: 'Alan Turing',
        waId: '447700900003',
        lastMessageAt: minutesAgo(3),
        assigneeUserId: ownerId,
        status: 'resolved',
        createdAt: minutesAgo(60 * 24 * 10),
        messages: [{ direction: 'outbound', text: 'Your order shipped' }],
      })
    ).id,
    snoozedLater: (
      await seed({
        ...base,
        name: 'Snoozy Later',
        lastMessageAt: minutesAgo(4),
        status: 'snoozed',
        snoozedUntil: new Date(Date.now() + 3_600_000),
      })
    ).id,
    snoozedPast: (
      await seed({
        ...base,
        name: 'Snoozy Woken',
        lastMessageAt: minutesAgo(5),
        status: 'snoozed',
        snoozedUntil: minutesAgo(1),
        unreadCount: 1,
      })
    ).id,
    pending: (
      await seed({
        ...base,
        channelId: channelB,
        name: 'Pending Pat',
        lastMessageAt: minutesAgo(6),
        status: 'pending',
        priority: 'low',
      })
    ).id,
  };
});
afterAll(() => app.stop());

type Page = { items: Array<Record<string, any>>; nextCursor: string | null };

async function list(query: string, token = owner.token): Promise<string[]> {
  const response = await app.http.get<Page>(`/api/conversations?limit=100&${query}`, { token });
  expect(response.status).toBe(200);
  return response.body.items.map((item) => item.id);
}

const named = (...keys: string[]) => keys.map((key) => ids[key]);

describe('[inbox] list filters', () => {
  it('lists everything newest first, with what the list row shows', async () => {
    const response = await app.http.get<Page>('/api/conversations', { token: owner.token });
    expect(response.body.items.map((i) => i.id)).toEqual(
      named('ada', 'grace', 'alan', 'snoozedLater', 'snoozedPast', 'pending'),
    );
    const ada = response.body.items[0]!;
    expect(ada).toMatchObject({
      contact: { name: 'Ada Lovelace', displayName: 'Ada Lovelace', phone: '+14155550101' },
      channel: { id: channelA, name: 'Support line' },
      status: 'open',
      priority: 'urgent',
      unreadCount: 2,
      lastMessage: { text: 'Where is my order 4711?', direction: 'inbound', type: 'text' },
      tags: [
        { id: tagRefund, name: 'refund', color: '#dc2626' },
        { id: tagVip, name: 'vip', color: '#f59e0b' },
      ],
    });
    expect(response.body.items[1]).toMatchObject({
      contact: { name: null, profileName: 'Grace H', displayName: 'Grace H' },
      assignee: { userId: agent.memberUserId, name: 'Member Agent' },
      team: { id: team, name: 'Billing' },
    });
  });

  it('filters by status; a snooze whose time has passed counts as open', async () => {
    expect(await list('status=open')).toEqual(named('ada', 'grace', 'snoozedPast'));
    expect(await list('status=snoozed')).toEqual(named('snoozedLater'));
    expect(await list('status=resolved,pending')).toEqual(named('alan', 'pending'));
    const woken = await app.http.get<Page>('/api/conversations?status=open', { token: owner.token });
    expect(woken.body.items.find((i) => i.id === ids.snoozedPast)).toMatchObject({
      status: 'open',
      snoozedUntil: null,
    });
  });

  it('filters by assignee, team, channel, contact and priority', async () => {
    expect(await list('assignee=me')).toEqual(named('alan'));
    expect(await list(`assignee=${agent.memberUserId}`)).toEqual(named('grace'));
    expect(await list('assignee=assigned')).toEqual(named('grace', 'alan'));
    expect(await list('assignee=unassigned')).toEqual(named('ada', 'snoozedLater', 'snoozedPast', 'pending'));
    expect(await list(`teamId=${team}`)).toEqual(named('grace'));
    expect(await list('teamId=none')).not.toContain(ids.grace);
    expect(await list(`channelId=${channelB}`)).toEqual(named('pending'));
    expect(await list(`channelId=${channelA},${channelB}`)).toHaveLength(6);
    const ada = await app.prisma.conversation.findUniqueOrThrow({ where: { id: ids.ada! } });
    expect(await list(`contactId=${ada.contactId}`)).toEqual(named('ada'));
    expect(await list('priority=urgent,low')).toEqual(named('ada', 'pending'));
  });

  it('filters by tags (any or all), unread, dates, contact tags and custom fields', async () => {
    expect(await list(`tagIds=${tagVip},${tagRefund}`)).toEqual(named('ada', 'grace'));
    expect(await list(`tagIds=${tagVip},${tagRefund}&tagMatch=all`)).toEqual(named('ada'));
    expect(await list('unread=true')).toEqual(named('ada', 'snoozedPast'));
    expect(await list('unread=false')).toHaveLength(4);
    const since = encodeURIComponent(minutesAgo(2.5).toISOString());
    expect(await list(`from=${since}`)).toEqual(named('ada', 'grace'));
    expect(await list(`to=${since}`)).toEqual(named('alan', 'snoozedLater', 'snoozedPast', 'pending'));
    const weekAgo = encodeURIComponent(minutesAgo(60 * 24 * 7).toISOString());
    expect(await list(`dateField=created&to=${weekAgo}`)).toEqual(named('alan'));
    expect(await list('contactTags=newsletter,other')).toEqual(named('ada'));
    expect(await list(`fields=${encodeURIComponent('{"plan":"gold","seats":5}')}`)).toEqual(named('ada'));
    expect(await list(`fields=${encodeURIComponent('{"plan":"silver"}')}`)).toEqual([]);
  });

  it('combines filters (AND)', async () => {
    expect(await list(`status=open&tagIds=${tagVip}&assignee=unassigned`)).toEqual(named('ada'));
  });
});

describe('[inbox] search', () => {
  it('finds message text, contact names, WhatsApp names and numbers, by word prefix', async () => {
    expect(await list('search=order')).toEqual(named('ada', 'alan'));
    expect(await list('search=ord')).toEqual(named('ada', 'alan'));
    expect(await list('search=4711')).toEqual(named('ada'));
    expect(await list('search=lovel')).toEqual(named('ada'));
    expect(await list('search=grace')).toEqual(named('grace'));
    expect(await list('search=REFUND')).toEqual(named('grace'));
    expect(await list(`search=${encodeURIComponent('+1 415 555 0102')}`)).toEqual(named('grace'));
    expect(await list('search=4477009')).toEqual(named('alan'));
  });

  it('needs every word to match', async () => {
    expect(await list(`search=${encodeURIComponent('order shipped')}`)).toEqual(named('alan'));
    expect(await list(`search=${encodeURIComponent('order nothing-like-this')}`)).toEqual([]);
  });

  it('finds the same when a word is in more than a thousand messages (probed row by row)', async () => {
    const tenant = await signUpTenant(app.http);
    const channelId = (await connectCloudChannel(app.http, tenant.token)).channelId;
    const seed = (input: Partial<Parameters<typeof seedConversation>[1]>) =>
      seedConversation(app.prisma, { tenantId: tenant.tenantId, channelId, ...input });
    const busy = await seed({ name: 'Busy', lastMessageAt: minutesAgo(3) });
    await app.prisma.message.createMany({
      data: Array.from({ length: 1001 }, (_, i) => ({
        tenantId: tenant.tenantId,
        conversationId: busy.id,
        channelId,
        contactId: busy.contactId,
        direction: 'inbound' as const,
        type: 'text',
        content: {},
        text: `parcel number ${i}`,
        status: 'received',
      })),
    });
    const named = await seed({ name: 'Parcelia Jones', lastMessageAt: minutesAgo(1) });
    const quiet = await seed({
      messages: [{ direction: 'inbound', text: 'a parcel too' }],
      lastMessageAt: minutesAgo(2),
    });
    await seed({ messages: [{ direction: 'inbound', text: 'nothing here' }], lastMessageAt: minutesAgo(4) });
    expect(await list('search=parcel', tenant.token)).toEqual([named.id, quiet.id, busy.id]);
    expect(await list(`search=${encodeURIComponent('parcel number')}`, tenant.token)).toEqual([busy.id]);
  });

  it('treats operators in the search box as text', async () => {
    expect(await list(`search=${encodeURIComponent("order & ! | ( ' :*")}`)).toEqual(named('ada', 'alan'));
  });
});

describe('[inbox] sorting and pages', () => {
  it('sorts by waiting time: longest-waiting customer first, then those nobody waits on', async () => {
    const order = await list('sort=waiting');
    expect(order.slice(0, 2)).toEqual(named('grace', 'ada'));
    expect(order).toHaveLength(6);
  });

  it.each(['last_activity', 'waiting'])('pages through %s without duplicates or gaps', async (sort) => {
    const tenant = await signUpTenant(app.http);
    const channelId = (await connectCloudChannel(app.http, tenant.token)).channelId;
    const same = minutesAgo(10);
    for (let i = 0; i < 23; i++) {
      await seedConversation(app.prisma, {
        tenantId: tenant.tenantId,
        channelId,
        name: `Customer ${i}`,
        // Ties on purpose: pages must still split them exactly once.
        lastMessageAt: i % 3 === 0 ? same : minutesAgo(i),
        waitingSince: i % 2 === 0 ? (i % 4 === 0 ? same : minutesAgo(100 + i)) : null,
      });
    }
    const all = await list(`sort=${sort}`, tenant.token);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/conversations?sort=${sort}&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { body: Page } = await app.http.get<Page>(query, { token: tenant.token });
      expect(page.body.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(seen).toEqual(all);
  });

  it('refuses a cursor it did not make, or one of the other sort', async () => {
    const bad = await app.http.get('/api/conversations?cursor=not-a-cursor', { token: owner.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields).toEqual([expect.objectContaining({ field: 'cursor' })]);
    const first = await app.http.get<Page>('/api/conversations?limit=1', { token: owner.token });
    const other = await app.http.get(`/api/conversations?sort=waiting&cursor=${first.body.nextCursor}`, {
      token: owner.token,
    });
    expect(other.status).toBe(400);
  });
});

describe('[inbox] counts', () => {
  it('counts per status, and open conversations mine / unassigned / all with their unread', async () => {
    const counts = await app.http.get('/api/conversations/counts', { token: owner.token });
    expect(counts.status).toBe(200);
    expect(counts.body).toEqual({
      byStatus: { open: 3, pending: 1, snoozed: 1, resolved: 1 },
      open: { mine: 0, unassigned: 2, all: 3 },
      unread: { mine: 0, unassigned: 2, all: 2 },
    });
    const agentCounts = await app.http.get('/api/conversations/counts', { token: agent.token });
    expect(agentCounts.body.open).toEqual({ mine: 1, unassigned: 2, all: 3 });
    const perChannel = await app.http.get(`/api/conversations/counts?channelId=${channelB}`, { token: owner.token });
    expect(perChannel.body.byStatus).toEqual({ open: 0, pending: 1, snoozed: 0, resolved: 0 });
  });
});

describe('[inbox] who sees what', () => {
  it('shows an agent (no inbox.view_all) only their own and unassigned conversations', async () => {
    const seen = await list('', agent.token);
    expect(seen).toEqual(named('ada', 'grace', 'snoozedLater', 'snoozedPast', 'pending'));
    const hidden = await app.http.get(`/api/conversations/${ids.alan}`, { token: agent.token });
    expect(hidden.status).toBe(404);
    expect((await app.http.get(`/api/conversations/${ids.alan}/messages`, { token: agent.token })).status).toBe(404);
    expect((await app.http.post(`/api/conversations/${ids.alan}/read`, undefined, { token: agent.token })).status).toBe(
      404,
    );
  });

  it("answers another workspace's conversation with 404 and never lists it", async () => {
    const stranger = await signUpTenant(app.http);
    expect(await list('', stranger.token)).toEqual([]);
    const response = await app.http.get(`/api/conversations/${ids.ada}`, { token: stranger.token });
    expect(response.status).toBe(404);
  });

  it('refuses assignee=me for an API key, naming the filter', async () => {
    const key = await createApiKey(app.http, owner.token, 'Admin');
    const response = await app.http.get('/api/conversations?assignee=me', {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields).toEqual([expect.objectContaining({ field: 'assignee' })]);
  });
});

describe('[inbox] bad filters', () => {
  it.each([
    ['status=closed', 'status.0'],
    ['priority=critical', 'priority.0'],
    ['channelId=abc', 'channelId.0'],
    ['fields=not-json', 'fields'],
    ['unread=maybe', 'unread'],
    ['from=yesterday', 'from'],
    ['sort=name', 'sort'],
    ['limit=1000', 'limit'],
  ])('%s is a 400 naming %s', async (query, field) => {
    const response = await app.http.get(`/api/conversations?${query}`, { token: owner.token });
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields).toEqual([expect.objectContaining({ field, in: 'query' })]);
  });
});

describe('[inbox] one conversation', () => {
  it('opens with its contact panel, window and nothing pinned yet', async () => {
    const response = await app.http.get(`/api/conversations/${ids.ada}`, { token: owner.token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: ids.ada,
      contact: {
        tags: ['newsletter'],
        fields: {
          visible: [
            { key: 'plan', value: 'gold' },
            { key: 'seats', value: 5 },
          ],
          hiddenCount: 0,
        },
      },
      pinnedNotes: [],
      bot: null,
      resolvedAt: null,
    });
    expect(response.body.windowClosesAt).not.toBeNull();
  });
});
