// A campaign from the API to the customers' phones: created and launched through the API, sent by
// the real worker through the Sandbox number (the simulator), finished, and counted by the results
// routes. The workflow's own behaviour (crashes, rate limits, A/B, recurrence) is tested in
// tests/workflows/campaign/.
import { eventually } from '../../support/eventually.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

jest.setTimeout(180_000);

let app: TestApp;
let owner: SeededTenant;
let channelId: string;
let templateId: string;

beforeAll(async () => {
  app = await startTestApp();
  owner = await signUpTenant(app.http);
  const tenantId = owner.tenantId;
  channelId = (
    await app.prisma.channel.findFirstOrThrow({ where: { tenantId, kind: 'sandbox' }, select: { id: true } })
  ).id;
  await app.http.post('/api/templates/sync', {}, { token: owner.token });
  templateId = (
    await eventually(
      () =>
        app.prisma.messageTemplate.findFirst({
          where: { tenantId, name: 'hello_world', status: 'approved' },
          select: { id: true },
        }),
      'hello_world approved after a template sync',
    )
  ).id;
  // 12 opted-in customers tagged "launch", 3 opted out.
  for (let i = 0; i < 15; i++) {
    await app.prisma.contact.create({
      data: {
        tenantId,
        waId: `1555012${String(i).padStart(4, '0')}`,
        phone: `+1555012${String(i).padStart(4, '0')}`,
        name: `Customer ${i}`,
        tags: ['launch'],
        optInStatus: i < 12 ? 'opted_in' : 'opted_out',
      },
    });
  }
});
afterAll(() => app?.stop());

it('[campaigns] a campaign launched to send now reaches every opted-in customer once and completes', async () => {
  const audience = { include: { tags: ['launch'] } };
  const estimate = await app.http.post(
    '/api/campaigns/estimate',
    { channelId, audience, templateId },
    { token: owner.token },
  );
  expect(estimate.body).toMatchObject({ matched: 15, reachable: 12, optedOut: 3 });

  const created = await app.http.post(
    '/api/campaigns',
    {
      name: 'Launch day',
      channelId,
      audience,
      variants: [{ label: 'A', weight: 100, message: { kind: 'template', templateId, bodyVariables: [] } }],
    },
    { token: owner.token },
  );
  expect(created.status).toBe(201);
  const id = created.body.id;
  const launched = await app.http.post(`/api/campaigns/${id}/launch`, {}, { token: owner.token });
  expect(launched.status).toBe(200);
  expect(['scheduled', 'running', 'completed']).toContain(launched.body.status);

  const done = await eventually(
    async () => {
      const view = await app.http.get(`/api/campaigns/${id}`, { token: owner.token });
      return view.body.status === 'completed' ? view.body : null;
    },
    'the campaign to complete',
    90_000,
  );
  expect(done.lastRun).toMatchObject({ status: 'completed', audienceSize: 15, sentCount: 12, skippedCount: 3 });
  expect((await app.http.patch(`/api/campaigns/${id}`, { name: 'Too late' }, { token: owner.token })).status).toBe(409);

  const stats = await app.http.get(`/api/campaigns/${id}/stats`, { token: owner.token });
  expect(stats.body.total).toMatchObject({
    audience: 15,
    queued: 0,
    sent: 12,
    skipped: 3,
    reasons: { opted_out: 3 },
  });
  // One message per customer: the ledger and the messages agree.
  const perContact = await app.deps.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Message" WHERE "tenantId" = $1 AND direction = 'outbound' GROUP BY "contactId"`,
    [owner.tenantId],
  );
  expect(perContact.rows.map((r) => r.n)).toEqual(Array(12).fill(1));

  const sent = await app.http.get(`/api/campaigns/${id}/recipients?status=sent`, { token: owner.token });
  expect(sent.body.items).toHaveLength(12);
  const calendar = await app.http.get('/api/campaigns/calendar', { token: owner.token });
  expect(calendar.body.items).toEqual([
    expect.objectContaining({ campaignId: id, runId: done.lastRun.id, status: 'completed' }),
  ]);
});
