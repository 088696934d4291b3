// The automation rules API: validation naming the field, references checked, enable/disable,
// duplicate, delete, the run log's pagination and status filter, audit entries, permissions and
// API keys.
import { createApiKey, signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

jest.setTimeout(120_000);

let app: TestApp;
let owner: SeededTenant;
let agentKey: string;
let adminKey: string;

const rule = {
  name: 'Pricing',
  trigger: { type: 'keyword', keywords: ['price'] },
  actions: [
    { type: 'send_message', text: 'Our prices' },
    { type: 'add_tag', tag: 'lead' },
  ],
};

beforeAll(async () => {
  app = await startTestApp();
  owner = await signUpTenant(app.http);
  agentKey = await createApiKey(app.http, owner.token, 'Agent');
  adminKey = await createApiKey(app.http, owner.token, 'Admin');
});
afterAll(() => app?.stop());

function fieldsOf(body: { error?: { details?: { fields?: Array<{ field: string }> } } }): string[] {
  return (body.error?.details?.fields ?? []).map((f) => f.field);
}

it('[automations] a rule is created with defaults, listed, read, replaced, duplicated disabled and deleted, each audited', async () => {
  const created = await app.http.post('/api/automations', rule, { token: owner.token });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({
    kind: 'custom',
    isEnabled: true,
    eventType: 'message.received',
    trigger: { type: 'keyword', keywords: ['price'], match: 'contains', caseSensitive: false },
    conditions: { match: 'all', items: [] },
    window: null,
    lastRunAt: null,
    lastRunStatus: null,
  });
  const id = created.body.id;
  const listed = await app.http.get('/api/automations', { token: owner.token });
  expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(id);

  const replaced = await app.http.put(
    `/api/automations/${id}`,
    {
      ...rule,
      name: 'Pricing v2',
      trigger: { type: 'conversation_resolved' },
      actions: [{ type: 'close_conversation' }],
    },
    { token: owner.token },
  );
  expect(replaced.body).toMatchObject({ name: 'Pricing v2', eventType: 'conversation.resolved' });

  const disabled = await app.http.post(`/api/automations/${id}/enabled`, { isEnabled: false }, { token: owner.token });
  expect(disabled.body.isEnabled).toBe(false);
  await app.http.post(`/api/automations/${id}/enabled`, { isEnabled: true }, { token: owner.token });

  const copy = await app.http.post(`/api/automations/${id}/duplicate`, undefined, { token: owner.token });
  expect(copy.status).toBe(201);
  expect(copy.body).toMatchObject({ name: 'Pricing v2 (copy)', isEnabled: false, eventType: 'conversation.resolved' });

  expect((await app.http.delete(`/api/automations/${id}`, { token: owner.token })).status).toBe(204);
  expect((await app.http.get(`/api/automations/${id}`, { token: owner.token })).status).toBe(404);

  const audit = await app.prisma.auditLog.findMany({
    where: { tenantId: owner.tenantId, targetId: id },
    select: { action: true },
  });
  expect(audit.map((a) => a.action).sort()).toEqual(
    [
      'automation.created',
      'automation.deleted',
      'automation.disabled',
      'automation.enabled',
      'automation.updated',
    ].sort(),
  );
});

it('[automations] invalid rules answer 400 naming the field path', async () => {
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ ...rule, trigger: { type: 'keyword', keywords: [] } }, 'trigger.keywords'],
    [{ ...rule, trigger: { type: 'keyword', keywords: ['(unclosed'], match: 'regex' } }, 'trigger.keywords.0'],
    // Keywords run with the u flag, where an escaped '-' outside a class is not valid.
    [{ ...rule, trigger: { type: 'keyword', keywords: ['a\\-b'], match: 'regex' } }, 'trigger.keywords.0'],
    // Exponential backtracking on a customer's text would hang the API (flow-dsl/regex-safety.ts).
    [
      { ...rule, trigger: { type: 'keyword', keywords: ['ok', '^(\\w+\\s?)*$'], match: 'regex' } },
      'trigger.keywords.1',
    ],
    [{ ...rule, trigger: { type: 'schedule', cron: 'every day' } }, 'trigger.cron'],
    [{ ...rule, actions: [] }, 'actions'],
    [
      {
        ...rule,
        actions: [
          { type: 'add_tag', tag: 'ok' },
          { type: 'add_tag', tag: '' },
        ],
      },
      'actions.1.tag',
    ],
    [{ ...rule, actions: [{ type: 'call_webhook', url: 'ftp://example.com' }] }, 'actions.0.url'],
    [{ ...rule, window: { days: { mon: [{ from: '9am', to: '17:00' }] } } }, 'window.days.mon.0.from'],
    // Free-form text only answers a customer's message (24-hour window).
    [{ ...rule, trigger: { type: 'tag_added' } }, 'actions.0.type'],
    [{ ...rule, kind: 'away' }, 'trigger.type'],
  ];
  for (const [body, field] of cases) {
    const response = await app.http.post('/api/automations', body, { token: owner.token });
    expect({ field, status: response.status, fields: fieldsOf(response.body) }).toEqual({
      field,
      status: 400,
      fields: expect.arrayContaining([field]),
    });
  }
});

it('[automations] references to another workspace’s channel, team, member or flow answer 422 naming the field', async () => {
  const other = '00000000-0000-4000-8000-000000000001';
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ ...rule, channelId: other }, 'channelId'],
    [{ ...rule, actions: [{ type: 'assign', target: { type: 'team', teamId: other } }] }, 'actions.0.target.teamId'],
    [{ ...rule, actions: [{ type: 'assign', target: { type: 'agent', userId: other } }] }, 'actions.0.target.userId'],
    [{ ...rule, actions: [{ type: 'start_flow', flowId: other }] }, 'actions.0.flowId'],
  ];
  for (const [body, field] of cases) {
    const response = await app.http.post('/api/automations', body, { token: owner.token });
    expect({ status: response.status, fields: fieldsOf(response.body) }).toEqual({ status: 422, fields: [field] });
  }
});

it('[automations] the run log pages newest first and filters by status', async () => {
  const created = await app.http.post('/api/automations', rule, { token: owner.token });
  const ruleId = created.body.id;
  const base = { tenantId: owner.tenantId, ruleId, outcome: [] };
  for (let i = 0; i < 5; i++) {
    await app.prisma.automationRun.create({
      data: {
        ...base,
        triggerKey: `key-${i}`,
        status: i % 2 === 0 ? 'succeeded' : 'failed',
        error: i % 2 === 0 ? null : 'send_message: closed window',
        triggeredAt: new Date(Date.now() - (10 - i) * 1000),
        startedAt: new Date(Date.now() - (10 - i) * 1000),
      },
    });
  }
  const first = await app.http.get(`/api/automations/${ruleId}/runs?limit=2`, { token: owner.token });
  expect(first.body.items.map((r: { triggerKey: string }) => r.triggerKey)).toEqual(['key-4', 'key-3']);
  const second = await app.http.get(`/api/automations/${ruleId}/runs?limit=2&cursor=${first.body.nextCursor}`, {
    token: owner.token,
  });
  expect(second.body.items.map((r: { triggerKey: string }) => r.triggerKey)).toEqual(['key-2', 'key-1']);
  const failed = await app.http.get(`/api/automations/${ruleId}/runs?status=failed`, { token: owner.token });
  expect(failed.body.items).toHaveLength(2);
  expect(failed.body.items[0]).toMatchObject({ status: 'failed', error: 'send_message: closed window' });
  const bad = await app.http.get(`/api/automations/${ruleId}/runs?status=nope`, { token: owner.token });
  expect(fieldsOf(bad.body)).toEqual(['status']);
});

it('[automations] rules need webhooks.manage: an Agent key is refused, an Admin key is allowed', async () => {
  const refused = await app.http.get('/api/automations', { token: agentKey });
  expect(refused.status).toBe(403);
  expect((await app.http.post('/api/automations', rule, { token: agentKey })).status).toBe(403);
  const allowed = await app.http.post('/api/automations', rule, { token: adminKey });
  expect(allowed.status).toBe(201);
  const other = await signUpTenant(app.http);
  const theirs = await app.http.get('/api/automations', { token: other.token });
  expect(theirs.body.items).toEqual([]);
});
