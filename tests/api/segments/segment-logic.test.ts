// Segment logic: a small, deliberately varied workspace (five contacts with every kind of field,
// tags, a group with a subgroup, opt-in states, engagement counters, flow runs and messages) and a
// table of condition trees with the exact members each must have. Every operator kind is here,
// and AND/OR/NOT nested; a contact of another workspace matching everything is never counted.
import { randomUUID } from 'node:crypto';
import { connectCloudChannel } from '../../support/seed/channel.ts';
import { createFlow, greetingDocument } from '../../support/seed/flow.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

jest.setTimeout(120_000);

let app: TestApp;
let owner: SeededTenant;
const names = new Map<string, string>();
const group: Record<string, string> = {};
const flow: Record<string, string> = {};
let campaignId = '';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const dateAgo = (days: number) => ago(days).toISOString().slice(0, 10);

type Seed = {
  data: Record<string, unknown>;
  groups: string[];
  counters: { messagesReceivedCount: number; messagesSentCount: number; flowsCompletedCount: number };
};

const CONTACTS: Record<string, Seed> = {
  ana: {
    data: {
      name: 'Ana Lima',
      profileName: 'ana',
      phone: '+5511990000001',
      email: 'ana@shop.com',
      language: 'pt_BR',
      timeZone: 'America/Sao_Paulo',
      optInStatus: 'opted_in',
      tags: ['vip', 'newsletter'],
      fields: {
        plan: 'Gold',
        score: 90,
        renewal: '2025-03-01',
        interests: ['shoes', 'bags'],
        vip: true,
        city: 'São Paulo',
      },
      createdAt: ago(100),
      lastInboundAt: ago(2),
    },
    groups: ['Customers'],
    counters: { messagesReceivedCount: 12, messagesSentCount: 5, flowsCompletedCount: 2 },
  },
  bruno: {
    data: {
      name: 'Bruno Costa',
      phone: '+5521990000002',
      email: 'bruno@mail.com',
      language: 'pt_BR',
      optInStatus: 'opted_out',
      tags: ['newsletter'],
      fields: { plan: 'Pro', score: 40, renewal: '2025-06-15', interests: ['hats'], vip: false, city: 'Rio' },
      createdAt: ago(50),
      lastInboundAt: ago(40),
    },
    groups: ['Wholesale'],
    counters: { messagesReceivedCount: 3, messagesSentCount: 1, flowsCompletedCount: 0 },
  },
  carla: {
    data: {
      name: 'Carla',
      phone: '+351910000003',
      language: 'en',
      optInStatus: 'opted_in',
      fields: { plan: 'Free', score: 10, renewal: dateAgo(3), interests: ['shoes'], city: 'Lisbon' },
      createdAt: ago(5),
      lastInboundAt: ago(10),
    },
    groups: ['Leads'],
    counters: { messagesReceivedCount: 1, messagesSentCount: 0, flowsCompletedCount: 1 },
  },
  dan: {
    data: {
      profileName: 'Dan W',
      phone: '+14155550004',
      email: 'DAN@Shop.com',
      language: 'en',
      tags: ['vip'],
      createdAt: ago(1),
    },
    groups: [],
    counters: { messagesReceivedCount: 0, messagesSentCount: 2, flowsCompletedCount: 0 },
  },
  eva: {
    data: {
      name: 'Eva Müller',
      phone: '+4915110000005',
      email: 'eva@web.de',
      language: 'de',
      optInStatus: 'opted_in',
      tags: ['blocked'],
      fields: { plan: 'Gold', score: 75.5, interests: [], vip: true, city: '=cmd' },
      createdAt: ago(200),
      lastInboundAt: ago(1),
    },
    groups: ['Wholesale', 'Leads'],
    counters: { messagesReceivedCount: 30, messagesSentCount: 20, flowsCompletedCount: 3 },
  },
};

beforeAll(async () => {
  app = await startTestApp({ SANDBOX_URL: 'off' });
  owner = await signUpTenant(app.http);
  const tenantId = owner.tenantId;
  const db = app.prisma;
  const channelId = (await connectCloudChannel(app.http, owner.token)).channelId;
  flow.welcome = await createFlow(app.http, owner.token, greetingDocument('Welcome', 'Hi'));
  flow.survey = await createFlow(app.http, owner.token, greetingDocument('Survey', 'How was it?'));
  await db.customField.createMany({
    data: [
      { tenantId, key: 'plan', label: 'Plan', type: 'dropdown', options: ['Free', 'Pro', 'Gold'] },
      { tenantId, key: 'score', label: 'Score', type: 'number' },
      { tenantId, key: 'renewal', label: 'Renewal', type: 'date' },
      { tenantId, key: 'interests', label: 'Interests', type: 'multi_select', options: ['shoes', 'bags', 'hats'] },
      { tenantId, key: 'vip', label: 'VIP', type: 'checkbox' },
      { tenantId, key: 'city', label: 'City', type: 'text' },
    ],
  });
  group.Customers = (await db.contactGroup.create({ data: { tenantId, name: 'Customers' } })).id;
  group.Wholesale = (
    await db.contactGroup.create({ data: { tenantId, name: 'Wholesale', parentId: group.Customers } })
  ).id;
  group.Leads = (await db.contactGroup.create({ data: { tenantId, name: 'Leads' } })).id;

  const ids: Record<string, string> = {};
  for (const [key, seed] of Object.entries(CONTACTS)) {
    const phone = seed.data.phone as string;
    const contact = await db.contact.create({
      data: { tenantId, waId: phone.slice(1), ...(seed.data as { phone: string }) },
    });
    ids[key] = contact.id;
    names.set(contact.id, key);
    for (const name of seed.groups) {
      await db.contactGroupMember.create({ data: { tenantId, groupId: group[name]!, contactId: contact.id } });
    }
  }
  const session = (contact: string, flowId: string, status: string, endedDaysAgo: number | null, isTest = false) =>
    db.flowSession.create({
      data: {
        tenantId,
        flowId,
        channelId,
        contactId: ids[contact]!,
        workflowId: `segment-test-${randomUUID()}`,
        status,
        triggerType: isTest ? 'test' : 'api',
        isTest,
        endedAt: endedDaysAgo === null ? null : ago(endedDaysAgo),
      },
    });
  await session('ana', flow.welcome, 'completed', 3);
  await session('carla', flow.welcome, 'completed', 30);
  await session('bruno', flow.welcome, 'running', null);
  await session('dan', flow.welcome, 'completed', 0, true);
  await session('eva', flow.survey, 'completed', 1);

  const message = async (contact: string, direction: 'inbound' | 'outbound', text: string, daysAgo: number) => {
    const conversation = await db.conversation.upsert({
      where: { channelId_contactId: { channelId, contactId: ids[contact]! } },
      create: { tenantId, channelId, contactId: ids[contact]!, lastMessageAt: new Date() },
      update: {},
    });
    await db.message.create({
      data: {
        tenantId,
        conversationId: conversation.id,
        channelId,
        contactId: ids[contact]!,
        direction,
        type: 'text',
        content: { type: 'text', text: { body: text } },
        text,
        status: direction === 'inbound' ? 'received' : 'sent',
        createdAt: ago(daysAgo),
      },
    });
  };
  await message('ana', 'inbound', 'I want a REFUND now', 2);
  await message('bruno', 'inbound', 'refund please', 40);
  await message('eva', 'outbound', 'your refund is processed', 1);
  await message('carla', 'inbound', 'hello', 10);
  // The counters as the table says (the message trigger counted the few messages above).
  for (const [key, seed] of Object.entries(CONTACTS)) {
    await db.contact.update({
      where: { id: ids[key]! },
      data: { ...seed.counters, lastInboundAt: (seed.data.lastInboundAt as Date | undefined) ?? null },
    });
  }

  // A campaign: ana got it and read it, bruno got it and replied, carla was skipped (opted out).
  const campaign = await db.campaign.create({
    data: { tenantId, channelId, name: 'Spring sale', status: 'completed', audience: { allContacts: true } },
  });
  campaignId = campaign.id;
  const run = await db.campaignRun.create({
    data: { tenantId, campaignId, workflowId: `campaign-${campaignId}`, status: 'completed' },
  });
  const campaignMessage = async (contact: string, status: string) => {
    const conversation = await db.conversation.findUniqueOrThrow({
      where: { channelId_contactId: { channelId, contactId: ids[contact]! } },
    });
    return db.message.create({
      data: {
        tenantId,
        conversationId: conversation.id,
        channelId,
        contactId: ids[contact]!,
        direction: 'outbound',
        type: 'template',
        content: { type: 'template', template: { name: 'spring_sale', language: { code: 'en' } } },
        status,
      },
    });
  };
  const recipient = (contact: string, data: Record<string, unknown>) =>
    db.campaignRecipient.create({ data: { tenantId, runId: run.id, contactId: ids[contact]!, ...data } });
  await recipient('ana', { status: 'sent', sentAt: ago(1), messageId: (await campaignMessage('ana', 'read')).id });
  await recipient('bruno', {
    status: 'sent',
    sentAt: ago(1),
    repliedAt: new Date(),
    messageId: (await campaignMessage('bruno', 'delivered')).id,
  });
  await recipient('carla', { status: 'skipped', reason: 'opted_out' });

  // Another workspace whose contact matches nearly everything: never counted here.
  const other = await signUpTenant(app.http);
  await db.contact.create({
    data: {
      tenantId: other.tenantId,
      waId: '5511990000009',
      phone: '+5511990000009',
      name: 'Ana Lima',
      optInStatus: 'opted_in',
      tags: ['vip', 'newsletter', 'blocked'],
      fields: { plan: 'Gold', score: 99 },
      lastInboundAt: ago(1),
      messagesReceivedCount: 50,
    },
  });
});
afterAll(() => app?.stop());

const f = (field: string, op: string, operand: Record<string, unknown> = {}) => ({
  kind: 'field',
  field,
  op,
  ...operand,
});
const c = (key: string, op: string, operand: Record<string, unknown> = {}) => ({ kind: 'custom', key, op, ...operand });
const and = (...children: unknown[]) => ({ kind: 'group', op: 'and', children });
const or = (...children: unknown[]) => ({ kind: 'group', op: 'or', children });
const not = (group: { kind: string; op: string; children: unknown[] }) => ({ ...group, negate: true });

// [title, condition (a leaf is wrapped in an AND group), expected members]
const CASES: Array<[string, () => unknown, string[]]> = [
  ['name equals, case-insensitive', () => f('name', 'equals', { value: 'ana lima' }), ['ana']],
  [
    'name not equals includes contacts without a name',
    () => f('name', 'not_equals', { value: 'Ana Lima' }),
    ['bruno', 'carla', 'dan', 'eva'],
  ],
  ['name contains', () => f('name', 'contains', { value: 'CO' }), ['bruno']],
  ['name does not contain', () => f('name', 'not_contains', { value: 'a' }), ['dan']],
  ['LIKE wildcards are literal', () => f('name', 'contains', { value: '_' }), []],
  ['email starts with, case-insensitive', () => f('email', 'starts_with', { value: 'dan@' }), ['dan']],
  ['email is empty', () => f('email', 'is_empty'), ['carla']],
  ['profile name is not empty', () => f('profileName', 'is_not_empty'), ['ana', 'dan']],
  ['phone contains a country code', () => f('phone', 'contains', { value: '+55' }), ['ana', 'bruno']],
  ['language in list', () => f('language', 'in_list', { values: ['PT_br', 'de'] }), ['ana', 'bruno', 'eva']],
  ['time zone is empty', () => f('timeZone', 'is_empty'), ['bruno', 'carla', 'dan', 'eva']],
  ['created within the last 7 days', () => f('createdAt', 'within_last_days', { days: 7 }), ['carla', 'dan']],
  ['created before a date', () => f('createdAt', 'before', { value: dateAgo(60) }), ['ana', 'eva']],
  ['created after a date', () => f('createdAt', 'after', { value: dateAgo(60) }), ['bruno', 'carla', 'dan']],
  ['created on a date', () => f('createdAt', 'on', { value: dateAgo(5) }), ['carla']],
  ['opted in', () => f('optInStatus', 'equals', { value: 'opted_in' }), ['ana', 'carla', 'eva']],
  ['opt-in status in list, any case', () => f('optInStatus', 'in_list', { values: ['OPTED_OUT'] }), ['bruno']],
  ['opt-in status not in list', () => f('optInStatus', 'not_in_list', { values: ['opted_in', 'opted_out'] }), ['dan']],
  ['last inbound within 7 days', () => f('lastInboundAt', 'within_last_days', { days: 7 }), ['ana', 'eva']],
  [
    'last inbound not within 7 days (never counts)',
    () => f('lastInboundAt', 'not_within_last_days', { days: 7 }),
    ['bruno', 'carla', 'dan'],
  ],
  ['messages received greater than', () => f('messagesReceivedCount', 'gt', { value: 10 }), ['ana', 'eva']],
  ['messages sent equals', () => f('messagesSentCount', 'equals', { value: 0 }), ['carla']],
  ['flows completed at least', () => f('flowsCompletedCount', 'gte', { value: 2 }), ['ana', 'eva']],
  ['dropdown equals, any case', () => c('plan', 'equals', { value: 'gold' }), ['ana', 'eva']],
  ['dropdown not equals includes unset', () => c('plan', 'not_equals', { value: 'Gold' }), ['bruno', 'carla', 'dan']],
  ['dropdown in list', () => c('plan', 'in_list', { values: ['Pro', 'Free'] }), ['bruno', 'carla']],
  ['dropdown is empty', () => c('plan', 'is_empty'), ['dan']],
  ['number greater than', () => c('score', 'gt', { value: 50 }), ['ana', 'eva']],
  ['number at most', () => c('score', 'lte', { value: 40 }), ['bruno', 'carla']],
  ['number not equals includes unset', () => c('score', 'not_equals', { value: 90 }), ['bruno', 'carla', 'dan', 'eva']],
  ['date before', () => c('renewal', 'before', { value: '2025-04-01' }), ['ana']],
  ['date after', () => c('renewal', 'after', { value: '2025-04-01' }), ['bruno', 'carla']],
  ['date within the last 7 days', () => c('renewal', 'within_last_days', { days: 7 }), ['carla']],
  [
    'date not within the last 7 days',
    () => c('renewal', 'not_within_last_days', { days: 7 }),
    ['ana', 'bruno', 'dan', 'eva'],
  ],
  ['date is empty', () => c('renewal', 'is_empty'), ['dan', 'eva']],
  [
    'multi-select includes any',
    () => c('interests', 'includes_any', { values: ['shoes', 'hats'] }),
    ['ana', 'bruno', 'carla'],
  ],
  ['multi-select includes all', () => c('interests', 'includes_all', { values: ['shoes', 'bags'] }), ['ana']],
  ['multi-select includes none', () => c('interests', 'includes_none', { values: ['shoes'] }), ['bruno', 'dan', 'eva']],
  ['multi-select is empty', () => c('interests', 'is_empty'), ['dan', 'eva']],
  ['checkbox is true', () => c('vip', 'is_true'), ['ana', 'eva']],
  ['checkbox is false (unset counts as false)', () => c('vip', 'is_false'), ['bruno', 'carla', 'dan']],
  ['text custom field equals, any case', () => c('city', 'equals', { value: 'RIO' }), ['bruno']],
  ['text custom field starts with (accents)', () => c('city', 'starts_with', { value: 'SÃO' }), ['ana']],
  ['has any tag', () => ({ kind: 'tags', op: 'has_any', values: ['vip', 'blocked'] }), ['ana', 'dan', 'eva']],
  ['has all tags', () => ({ kind: 'tags', op: 'has_all', values: ['vip', 'newsletter'] }), ['ana']],
  ['has none of the tags', () => ({ kind: 'tags', op: 'has_none', values: ['newsletter'] }), ['carla', 'dan', 'eva']],
  [
    'in a group, its subgroups included',
    () => ({ kind: 'contact_group', op: 'in', groupIds: [group.Customers] }),
    ['ana', 'bruno', 'eva'],
  ],
  ['in a subgroup', () => ({ kind: 'contact_group', op: 'in', groupIds: [group.Wholesale] }), ['bruno', 'eva']],
  ['not in a group', () => ({ kind: 'contact_group', op: 'not_in', groupIds: [group.Customers] }), ['carla', 'dan']],
  [
    'in any of two groups',
    () => ({ kind: 'contact_group', op: 'in', groupIds: [group.Leads, group.Wholesale] }),
    ['bruno', 'carla', 'eva'],
  ],
  [
    'completed a flow (not a test run, not still running)',
    () => ({ kind: 'flow', op: 'completed', flowId: flow.welcome }),
    ['ana', 'carla'],
  ],
  ['completed a flow within 7 days', () => ({ kind: 'flow', op: 'completed', flowId: flow.welcome, days: 7 }), ['ana']],
  [
    'did not complete a flow',
    () => ({ kind: 'flow', op: 'not_completed', flowId: flow.welcome }),
    ['bruno', 'dan', 'eva'],
  ],
  [
    'sent a message containing text within 7 days',
    () => ({ kind: 'message', op: 'sent_containing', value: 'refund', days: 7 }),
    ['ana'],
  ],
  [
    'sent a message containing text within 60 days',
    () => ({ kind: 'message', op: 'sent_containing', value: 'refund', days: 60 }),
    ['ana', 'bruno'],
  ],
  [
    'did not send a message containing text',
    () => ({ kind: 'message', op: 'not_sent_containing', value: 'refund', days: 60 }),
    ['carla', 'dan', 'eva'],
  ],
  ['received a campaign', () => ({ kind: 'campaign', op: 'received', campaignId }), ['ana', 'bruno']],
  [
    'did not receive a campaign (skipped counts as not received)',
    () => ({ kind: 'campaign', op: 'not_received', campaignId }),
    ['carla', 'dan', 'eva'],
  ],
  ['read a campaign', () => ({ kind: 'campaign', op: 'read', campaignId }), ['ana']],
  ['replied to a campaign', () => ({ kind: 'campaign', op: 'replied', campaignId }), ['bruno']],
  [
    'did not reply to a campaign',
    () => ({ kind: 'campaign', op: 'not_replied', campaignId }),
    ['ana', 'carla', 'dan', 'eva'],
  ],
  [
    'AND',
    () => and(f('optInStatus', 'equals', { value: 'opted_in' }), { kind: 'tags', op: 'has_any', values: ['vip'] }),
    ['ana'],
  ],
  [
    'OR',
    () => or(c('plan', 'equals', { value: 'Pro' }), { kind: 'tags', op: 'has_any', values: ['vip'] }),
    ['ana', 'bruno', 'dan'],
  ],
  [
    'NOT is the exact complement (nulls included)',
    () => not(and(f('optInStatus', 'equals', { value: 'opted_in' }))),
    ['bruno', 'dan'],
  ],
  [
    'NOT of a text condition keeps contacts without the field',
    () => not(and(f('email', 'contains', { value: 'shop' }))),
    ['bruno', 'carla', 'eva'],
  ],
  [
    'three levels: AND of opt-in and (NOT(gold AND score > 80) OR in Leads)',
    () =>
      and(
        f('optInStatus', 'in_list', { values: ['opted_in'] }),
        or(not(and(c('plan', 'equals', { value: 'Gold' }), c('score', 'gt', { value: 80 }))), {
          kind: 'contact_group',
          op: 'in',
          groupIds: [group.Leads],
        }),
      ),
    ['carla', 'eva'],
  ],
  [
    'negated root OR',
    () =>
      not(
        or(
          { kind: 'tags', op: 'has_any', values: ['vip'] },
          { kind: 'contact_group', op: 'in', groupIds: [group.Leads] },
        ),
      ),
    ['bruno'],
  ],
  ['an empty group matches everyone', () => and(), ['ana', 'bruno', 'carla', 'dan', 'eva']],
  ['an empty nested group is ignored', () => and(and(), c('vip', 'is_true')), ['ana', 'eva']],
];

describe('[segments] a table of condition trees and their exact members', () => {
  it.each(CASES)('%s', async (_title, build, expected) => {
    const built = build() as { kind: string };
    const condition = built.kind === 'group' ? built : and(built);
    const preview = await app.http.post('/api/segments/preview', { condition, limit: 50 }, { token: owner.token });
    expect(preview.status).toBe(200);
    const members = (preview.body.contacts as Array<{ id: string }>).map((row) => names.get(row.id) ?? 'other').sort();
    expect(members).toEqual([...expected].sort());
    expect(preview.body.count).toBe(expected.length);
  });
});

describe('[segments] references to other workspaces', () => {
  it('refuses a campaign that is not the workspace’s, naming the path', async () => {
    const condition = and({ kind: 'campaign', op: 'read', campaignId: randomUUID() });
    const preview = await app.http.post('/api/segments/preview', { condition, limit: 5 }, { token: owner.token });
    expect(preview.status).toBe(400);
    expect(preview.body.error.details.fields[0]).toEqual({
      field: 'condition.children.0.campaignId',
      message: 'is not a campaign of this workspace',
    });
  });
});
