// Campaigns through the API: drafts validated with errors naming the field, permissions, the
// audience estimate counted exactly (opt-in, opt-out, the 24-hour window, exclusions), launch
// checks, edits refused once a campaign has started, duplicate, delete rules and the calendar.
import { setPlanLimits } from '#api/workspace/plan-limits';
import { createApiKey, signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

jest.setTimeout(120_000);

let app: TestApp;
let owner: SeededTenant;
let other: SeededTenant;
let agentKey: string;
let channelId: string;
let otherChannelId: string;
let approvedId: string;
let pendingId: string;
let groupId: string;

const DAY = 86_400_000;

beforeAll(async () => {
  app = await startTestApp({ SANDBOX_URL: 'off' });
  [owner, other] = [await signUpTenant(app.http), await signUpTenant(app.http)];
  agentKey = await createApiKey(app.http, owner.token, 'Agent');
  const tenantId = owner.tenantId;
  const channel = (t: string, name: string) =>
    app.prisma.channel.create({
      data: { tenantId: t, kind: 'whatsapp_cloud', name, status: 'connected', displayPhoneNumber: '+1 555 0100' },
    });
  channelId = (await channel(tenantId, 'Main line')).id;
  otherChannelId = (await channel(other.tenantId, 'Theirs')).id;
  const template = (name: string, status: string, category = 'marketing') =>
    app.prisma.messageTemplate.create({
      data: {
        tenantId,
        channelId,
        name,
        language: 'en',
        category,
        status,
        components: [
          { type: 'HEADER', format: 'TEXT', text: 'Hello {{1}}' },
          { type: 'BODY', text: 'Hi {{1}}, your code {{2}} gives {{1}} 20% off.' },
        ],
      },
    });
  approvedId = (await template('winter_sale', 'approved')).id;
  pendingId = (await template('spring_sale', 'pending')).id;
  await app.prisma.customField.create({ data: { tenantId, key: 'plan', label: 'Plan', type: 'text' } });
  groupId = (await app.prisma.contactGroup.create({ data: { tenantId, name: 'Newsletter' } })).id;

  // The audience: 10 contacts tagged vip. 1-5 opted in (5 also in the excluded group), 6-7 opted
  // out, 8-10 unknown; 1, 6 and 8 wrote within 24 hours on this number, 2 wrote 2 days ago.
  for (let i = 1; i <= 10; i++) {
    const contact = await app.prisma.contact.create({
      data: {
        tenantId,
        waId: i <= 3 ? `5511999000${i}` : `4477000000${i}`,
        phone: i <= 3 ? `+5511999000${i}` : `+4477000000${i}`,
        name: `Contact ${i}`,
        tags: ['vip'],
        optInStatus: i <= 5 ? 'opted_in' : i <= 7 ? 'opted_out' : 'unknown',
      },
    });
    if (i === 5) {
      await app.prisma.contactGroupMember.create({ data: { tenantId, groupId, contactId: contact.id } });
    }
    const lastInboundAt = [1, 6, 8].includes(i)
      ? new Date(Date.now() - 3_600_000)
      : i === 2
        ? new Date(Date.now() - 2 * DAY)
        : null;
    if (lastInboundAt) {
      await app.prisma.conversation.create({
        data: { tenantId, channelId, contactId: contact.id, lastMessageAt: lastInboundAt, lastInboundAt },
      });
    }
  }
  await app.prisma.contact.create({
    data: { tenantId, waId: '15550000001', phone: '+15550000001', name: 'Not vip', optInStatus: 'opted_in' },
  });
});
afterAll(() => app?.stop());

const vipAudience = { include: { tags: ['vip'] }, exclude: { groupIds: [] as string[] } };
const templateVariant = (templateId = approvedId, label = 'A', weight = 100) => ({
  label,
  weight,
  message: {
    kind: 'template',
    templateId,
    bodyVariables: [
      { source: 'contact', field: 'name', default: 'there' },
      { source: 'text', value: 'XMAS' },
    ],
    headerVariable: { source: 'contact', field: 'fields.plan', default: 'friend' },
  },
});
const draft = (overrides: Record<string, unknown> = {}) => ({
  name: 'Winter sale',
  channelId,
  audience: vipAudience,
  variants: [templateVariant()],
  ...overrides,
});
const create = (body: unknown, token = owner.token) => app.http.post('/api/campaigns', body, { token });
const fieldsOf = (response: { body: { error: { details?: { fields?: Array<{ field: string }> } } } }) =>
  (response.body.error.details?.fields ?? []).map((f) => f.field);
const localIn = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 16);

it('[campaigns] a draft is created and read back with its variants, schedule and creator', async () => {
  const created = await create(
    draft({
      variants: [templateVariant(approvedId, 'A', 60), templateVariant(approvedId, 'B', 40)],
      abTest: { samplePercent: 20, winnerMetric: 'read', waitMinutes: 60 },
      schedule: { kind: 'once', localTime: '2030-01-01T09:30', timeZone: 'Europe/Paris' },
      quietHours: { from: '21:00', to: '08:00' },
    }),
  );
  // 2030 is more than 90 days ahead.
  expect(created.status).toBe(422);
  expect(fieldsOf(created)).toEqual(['schedule.localTime']);

  const localTime = localIn(10 * DAY);
  const ok = await create(
    draft({
      variants: [templateVariant(approvedId, 'A', 60), templateVariant(approvedId, 'B', 40)],
      abTest: { samplePercent: 20, winnerMetric: 'read', waitMinutes: 60 },
      schedule: { kind: 'once', localTime, timeZone: 'UTC' },
    }),
  );
  expect(ok.status).toBe(201);
  expect(ok.body).toMatchObject({
    name: 'Winter sale',
    status: 'draft',
    channel: { id: channelId, name: 'Main line' },
    variants: [
      { label: 'A', weight: 60 },
      { label: 'B', weight: 40 },
    ],
    schedule: { kind: 'once', localTime, timeZone: 'UTC' },
    nextRunAt: `${localTime}:00.000Z`,
    lastRun: null,
    createdBy: { name: 'Test Owner' },
  });
  const read = await app.http.get(`/api/campaigns/${ok.body.id}`, { token: owner.token });
  expect(read.body).toEqual(ok.body);
  const audit = await app.prisma.auditLog.findFirst({
    where: { tenantId: owner.tenantId, action: 'campaign.created' },
  });
  expect(audit?.targetId).toBe(ok.body.id);
});

it('[campaigns] bad drafts answer 400/422 naming the field at fault', async () => {
  const weights = await create(draft({ variants: [templateVariant(approvedId, 'A', 50)] }));
  expect(weights.status).toBe(400);
  expect(fieldsOf(weights)).toEqual(['variants']);

  const variables = await create(
    draft({ variants: [{ ...templateVariant(), message: { ...templateVariant().message, bodyVariables: [] } }] }),
  );
  expect(variables.status).toBe(422);
  expect(fieldsOf(variables)).toEqual(['variants.0.message.bodyVariables']);

  const unknownField = await create(
    draft({
      variants: [
        {
          ...templateVariant(),
          message: { ...templateVariant().message, headerVariable: { source: 'contact', field: 'fields.colour' } },
        },
      ],
    }),
  );
  expect(unknownField.status).toBe(422);
  expect(fieldsOf(unknownField)).toEqual(['variants.0.message.headerVariable.field']);

  const theirChannel = await create(draft({ channelId: otherChannelId }));
  expect(theirChannel.status).toBe(422);
  expect(fieldsOf(theirChannel)).toEqual(['channelId']);

  const theirGroup = await create(draft({ audience: { include: { groupIds: [otherChannelId] } } }));
  expect(theirGroup.status).toBe(422);
  expect(fieldsOf(theirGroup)).toEqual(['audience.include.groupIds.0']);

  const past = await create(draft({ schedule: { kind: 'once', localTime: '2020-01-01T09:00', timeZone: 'UTC' } }));
  expect(past.status).toBe(422);
  expect(fieldsOf(past)).toEqual(['schedule.localTime']);

  const longRecurrence = await create(
    draft({
      schedule: {
        kind: 'recurring',
        frequency: 'daily',
        time: '09:00',
        startsOn: '2027-01-01',
        endsOn: '2028-06-01',
        timeZone: 'UTC',
      },
    }),
  );
  expect(longRecurrence.status).toBe(422);
  expect(fieldsOf(longRecurrence)).toEqual(['schedule.endsOn']);
});

it('[campaigns] an Agent can neither create nor see campaigns; another workspace sees nothing', async () => {
  const refused = await create(draft(), agentKey);
  expect(refused.status).toBe(403);
  const mine = await create(draft({ name: 'Private' }));
  expect((await app.http.get('/api/campaigns', { token: agentKey })).status).toBe(403);
  expect((await app.http.get(`/api/campaigns/${mine.body.id}`, { token: other.token })).status).toBe(404);
  const theirs = await app.http.get('/api/campaigns', { token: other.token });
  expect(theirs.body.items).toEqual([]);
});

it('[campaigns] the estimate counts the audience exactly: opt-in for templates, the window for text', async () => {
  const estimate = (body: Record<string, unknown>) =>
    app.http.post('/api/campaigns/estimate', { channelId, audience: vipAudience, ...body }, { token: owner.token });
  const templates = await estimate({ templateId: approvedId });
  expect(templates.status).toBe(200);
  expect(templates.body).toMatchObject({
    matched: 10,
    reachable: 5,
    optedOut: 2,
    notOptedIn: 3,
    outsideWindow: 0,
    quotaRemaining: { day: null, month: null },
  });
  // 3 Brazilian numbers at $0.0625 and 2 British at $0.0529 (marketing).
  expect(templates.body.estimatedCost).toEqual({ amount: '0.2933', currency: 'USD' });

  const excluded = await estimate({
    templateId: approvedId,
    audience: { include: { tags: ['vip'] }, exclude: { groupIds: [groupId] } },
  });
  expect(excluded.body).toMatchObject({ matched: 9, reachable: 4 });

  // Text: only 1 (opted in) and 8 (unknown) wrote within 24 hours; 6 did too but opted out.
  const text = await estimate({ messageKind: 'text' });
  expect(text.body).toMatchObject({ matched: 10, reachable: 2, optedOut: 2, outsideWindow: 6 });
  expect(text.body.estimatedCost).toEqual({ amount: '0.0000', currency: 'USD' });

  // The plan's quotas are set by the operator (npm run operator:plan) and read by members.
  const quotas = { maxMessagesPerDay: 100, maxMessagesPerMonth: 1000 };
  expect((await app.http.patch('/api/workspace', quotas, { token: owner.token })).status).toBe(400);
  await setPlanLimits(app.prisma, owner.tenantId, quotas);
  expect((await app.http.get('/api/workspace', { token: agentKey })).body.settings).toMatchObject(quotas);
  await app.prisma.tenantMessageUsage.create({
    data: { tenantId: owner.tenantId, day: new Date(new Date().toISOString().slice(0, 10)), count: 40 },
  });
  const quota = await estimate({});
  expect(quota.body.quotaRemaining).toEqual({ day: 60, month: 960 });
});

it('[campaigns] launching checks what would stop it: template approval, audience, channel, quota', async () => {
  const launch = (id: string) => app.http.post(`/api/campaigns/${id}/launch`, {}, { token: owner.token });
  const pending = await create(draft({ name: 'Pending template', variants: [templateVariant(pendingId)] }));
  expect(pending.status).toBe(201); // a draft may use a template still in review
  const notApproved = await launch(pending.body.id);
  expect(notApproved.status).toBe(422);
  expect(fieldsOf(notApproved)).toEqual(['variants.0.message.templateId']);

  const nobody = await create(draft({ name: 'Nobody', audience: { include: { tags: ['nobody'] } } }));
  const empty = await launch(nobody.body.id);
  expect(empty.status).toBe(422);
  expect(fieldsOf(empty)).toEqual(['audience']);

  await app.prisma.channel.update({ where: { id: channelId }, data: { status: 'disconnected' } });
  const scheduled = await create(
    draft({ name: 'Later', schedule: { kind: 'once', localTime: localIn(5 * DAY), timeZone: 'UTC' } }),
  );
  const disconnected = await launch(scheduled.body.id);
  await app.prisma.channel.update({ where: { id: channelId }, data: { status: 'connected' } });
  expect(disconnected.status).toBe(422);
  expect(fieldsOf(disconnected)).toEqual(['channelId']);

  const settings = { where: { tenantId: owner.tenantId } };
  await app.prisma.tenantSettings.update({ ...settings, data: { maxMessagesPerMonth: 40 } });
  const noQuota = await launch(scheduled.body.id);
  await app.prisma.tenantSettings.update({ ...settings, data: { maxMessagesPerMonth: null } });
  expect(noQuota.status).toBe(422);
  expect(fieldsOf(noQuota)).toEqual(['quota']);

  const launched = await launch(scheduled.body.id);
  expect(launched.status).toBe(200);
  expect(launched.body.status).toBe('scheduled');
  expect((await launch(scheduled.body.id)).status).toBe(409);

  // A scheduled campaign not yet started can still be edited; its new time is kept.
  const later = localIn(6 * DAY);
  const edited = await app.http.patch(
    `/api/campaigns/${scheduled.body.id}`,
    { name: 'Later still', schedule: { kind: 'once', localTime: later, timeZone: 'UTC' } },
    { token: owner.token },
  );
  expect(edited.status).toBe(200);
  expect(edited.body).toMatchObject({ name: 'Later still', status: 'scheduled', nextRunAt: `${later}:00.000Z` });

  const cancelled = await app.http.post(`/api/campaigns/${scheduled.body.id}/cancel`, {}, { token: owner.token });
  expect(cancelled.body.status).toBe('cancelled');
  const actions = await app.prisma.auditLog.findMany({
    where: { tenantId: owner.tenantId, targetId: scheduled.body.id },
    select: { action: true },
  });
  expect(actions.map((a) => a.action)).toEqual(
    expect.arrayContaining(['campaign.created', 'campaign.launched', 'campaign.cancelled']),
  );
});

it('[campaigns] once it has started it cannot be edited or deleted (409); pause and resume follow the status', async () => {
  const created = await create(draft({ name: 'Started' }));
  const id = created.body.id;
  await app.prisma.campaign.update({ where: { id }, data: { status: 'running' } });
  const edit = await app.http.patch(`/api/campaigns/${id}`, { name: 'Too late' }, { token: owner.token });
  expect(edit.status).toBe(409);
  expect(edit.body.error.message).toMatch(/can be edited; this one is running/);
  expect((await app.http.delete(`/api/campaigns/${id}`, { token: owner.token })).status).toBe(409);

  const resumeRunning = await app.http.post(`/api/campaigns/${id}/resume`, {}, { token: owner.token });
  expect(resumeRunning.status).toBe(409);
  const paused = await app.http.post(`/api/campaigns/${id}/pause`, {}, { token: owner.token });
  expect(paused.body.status).toBe('paused');
  const resumed = await app.http.post(`/api/campaigns/${id}/resume`, {}, { token: owner.token });
  expect(resumed.body.status).toBe('running');
  const cancelled = await app.http.post(`/api/campaigns/${id}/cancel`, {}, { token: owner.token });
  expect(cancelled.body.status).toBe('cancelled');
  expect((await app.http.post(`/api/campaigns/${id}/cancel`, {}, { token: owner.token })).status).toBe(409);
  expect((await app.http.delete(`/api/campaigns/${id}`, { token: owner.token })).status).toBe(204);
  expect((await app.http.get(`/api/campaigns/${id}`, { token: owner.token })).status).toBe(404);
});

it('[campaigns] duplicate makes a draft copy to send now; the list filters, searches and pages', async () => {
  const source = await create(
    draft({ name: 'Weekly digest', schedule: { kind: 'once', localTime: localIn(3 * DAY), timeZone: 'UTC' } }),
  );
  await app.prisma.campaign.update({ where: { id: source.body.id }, data: { status: 'completed' } });
  const copy = await app.http.post(`/api/campaigns/${source.body.id}/duplicate`, {}, { token: owner.token });
  expect(copy.status).toBe(201);
  expect(copy.body).toMatchObject({
    name: 'Weekly digest (copy)',
    status: 'draft',
    schedule: { kind: 'now' },
    audience: source.body.audience,
    variants: [{ label: 'A', weight: 100, message: source.body.variants[0].message }],
  });
  expect(copy.body.id).not.toBe(source.body.id);

  const completed = await app.http.get('/api/campaigns?status=completed', { token: owner.token });
  expect(completed.body.items.map((c: { name: string }) => c.name)).toEqual(['Weekly digest']);
  const search = await app.http.get('/api/campaigns?q=digest', { token: owner.token });
  expect(search.body.items.map((c: { name: string }) => c.name)).toEqual(['Weekly digest (copy)', 'Weekly digest']);

  const all: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await app.http.get(
      `/api/campaigns?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      { token: owner.token },
    );
    all.push(...page.body.items.map((c) => c.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  const total = await app.prisma.campaign.count({ where: { tenantId: owner.tenantId } });
  expect(new Set(all).size).toBe(total);
  expect(all[0]).toBe(copy.body.id); // newest first
});

it('[campaigns] the calendar shows runs, a scheduled one-off and recurring occurrences in their zone', async () => {
  const base = new Date(Date.now() + 2 * DAY);
  const day = (offset: number) => new Date(base.getTime() + offset * DAY).toISOString().slice(0, 10);
  const once = await create(
    draft({ name: 'One-off', schedule: { kind: 'once', localTime: `${day(1)}T10:00`, timeZone: 'UTC' } }),
  );
  await app.prisma.campaign.update({ where: { id: once.body.id }, data: { status: 'scheduled' } });
  const recurring = await create(
    draft({
      name: 'Mondays and Thursdays',
      schedule: {
        kind: 'recurring',
        frequency: 'weekly',
        weekdays: ['mon', 'thu'],
        time: '09:00',
        startsOn: day(0),
        endsOn: day(20),
        timeZone: 'America/New_York',
      },
    }),
  );
  expect(recurring.status).toBe(201);
  await app.prisma.campaign.update({ where: { id: recurring.body.id }, data: { status: 'scheduled' } });
  const past = await create(draft({ name: 'Sent last week' }));
  const startedAt = new Date(Date.now() - 7 * DAY);
  const run = await app.prisma.campaignRun.create({
    data: {
      tenantId: owner.tenantId,
      campaignId: past.body.id,
      workflowId: 'campaign-test',
      status: 'completed',
      startedAt,
    },
  });

  const from = new Date(Date.now() - 10 * DAY).toISOString().slice(0, 10);
  const calendar = await app.http.get(`/api/campaigns/calendar?from=${from}&to=${day(13)}`, { token: owner.token });
  expect(calendar.status).toBe(200);
  const items: Array<{ campaignId: string; at: string; recurring: boolean; runId: string | null }> =
    calendar.body.items;
  expect(items.find((i) => i.campaignId === past.body.id)).toMatchObject({
    runId: run.id,
    at: startedAt.toISOString(),
  });
  expect(items.filter((i) => i.campaignId === once.body.id)).toEqual([
    expect.objectContaining({ at: `${day(1)}T10:00:00.000Z`, recurring: false, runId: null }),
  ]);
  const occurrences = items.filter((i) => i.campaignId === recurring.body.id);
  // Two weeks hold four Mondays-or-Thursdays; each at 09:00 in New York (13:00 or 14:00 UTC).
  expect(occurrences.length).toBe(4);
  for (const occurrence of occurrences) {
    const local = new Date(occurrence.at).toLocaleString('en-US', {
      timeZone: 'America/New_York',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    expect(local).toMatch(/^(Mon|Thu) 09:00$/);
    expect(occurrence.recurring).toBe(true);
  }
  expect(recurring.body.nextRunAt).toBe(occurrences[0]!.at);
  const sorted = [...items].sort((a, b) => a.at.localeCompare(b.at));
  expect(items).toEqual(sorted);
});
