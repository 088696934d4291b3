// A run's results through the API, on a run seeded row by row (recipients and their messages as
// the sending activity and the status webhooks leave them): totals and per-variant counts, cost
// from WhatsApp's pricing, the recipients list with its filters and pages, and the CSV export.
import { randomUUID } from 'node:crypto';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

jest.setTimeout(120_000);

let app: TestApp;
let owner: SeededTenant;
let campaignId: string;
let oldRunId: string;
let runId: string;
let variantA: string;
let variantB: string;

type Seed = {
  variant: 'A' | 'B';
  status: string;
  message?: string;
  reason?: string;
  errorCode?: number;
  pricing?: string;
  replied?: boolean;
  optedOutAfter?: boolean;
  name?: string;
};

// 1 delivered and replied, 2 read, 3 sent only, 4 invalid number, 5 skipped (opted out),
// 6 pending, 7 failed after sending, 8 delivered then opted out.
const SEEDS: Seed[] = [
  { variant: 'A', status: 'sent', message: 'delivered', pricing: 'marketing', replied: true },
  { variant: 'A', status: 'sent', message: 'read', pricing: 'marketing' },
  { variant: 'B', status: 'sent', message: 'sent' },
  { variant: 'B', status: 'failed', reason: 'invalid_number', errorCode: 131026 },
  { variant: 'A', status: 'skipped', reason: 'opted_out' },
  { variant: 'B', status: 'pending' },
  { variant: 'A', status: 'sent', message: 'failed' },
  {
    variant: 'B',
    status: 'sent',
    message: 'delivered',
    pricing: 'utility',
    optedOutAfter: true,
    name: '=HYPERLINK("http://evil")',
  },
];

beforeAll(async () => {
  app = await startTestApp({ SANDBOX_URL: 'off' });
  owner = await signUpTenant(app.http);
  const tenantId = owner.tenantId;
  const channel = await app.prisma.channel.create({
    data: { tenantId, kind: 'whatsapp_cloud', name: 'Main line', status: 'connected' },
  });
  const template = await app.prisma.messageTemplate.create({
    data: {
      tenantId,
      channelId: channel.id,
      name: 'promo',
      language: 'en',
      category: 'marketing',
      status: 'approved',
      components: [{ type: 'BODY', text: 'Our sale starts today.' }],
    },
  });
  const message = { kind: 'template', templateId: template.id, bodyVariables: [] };
  const created = await app.http.post(
    '/api/campaigns',
    {
      name: 'Sale',
      channelId: channel.id,
      audience: { allContacts: true },
      variants: [
        { label: 'A', weight: 50, message },
        { label: 'B', weight: 50, message },
      ],
    },
    { token: owner.token },
  );
  expect(created.status).toBe(201);
  campaignId = created.body.id;
  [variantA, variantB] = created.body.variants.map((v: { id: string }) => v.id);
  await app.prisma.campaign.update({ where: { id: campaignId }, data: { status: 'running' } });
  const run = (workflowId: string, createdAt: Date, status: string) =>
    app.prisma.campaignRun.create({
      data: { tenantId, campaignId, workflowId, status, createdAt, startedAt: createdAt },
    });
  oldRunId = (await run('campaign-old', new Date(Date.now() - 86_400_000), 'completed')).id;
  runId = (await run('campaign-now', new Date(), 'running')).id;

  const sentAt = new Date(Date.now() - 60_000);
  for (const [index, seed] of SEEDS.entries()) {
    const contact = await app.prisma.contact.create({
      data: {
        tenantId,
        waId: `1555000010${index}`,
        phone: `+1555000010${index}`,
        name: seed.name ?? `Contact ${index + 1}`,
        optInStatus: seed.optedOutAfter ? 'opted_out' : 'opted_in',
        optInAt: seed.optedOutAfter ? new Date() : new Date(Date.now() - 86_400_000),
      },
    });
    let messageId: string | null = null;
    if (seed.message) {
      const conversation = await app.prisma.conversation.create({
        data: { tenantId, channelId: channel.id, contactId: contact.id, lastMessageAt: sentAt },
      });
      messageId = randomUUID();
      await app.prisma.message.create({
        data: {
          id: messageId,
          tenantId,
          conversationId: conversation.id,
          channelId: channel.id,
          contactId: contact.id,
          direction: 'outbound',
          type: 'template',
          content: { type: 'template', template: { name: 'promo', language: { code: 'en' } } },
          status: seed.message,
          sentAt,
          ...(seed.pricing
            ? { pricing: { billable: true, pricing_model: 'PMP', category: seed.pricing.toUpperCase() } }
            : {}),
        },
      });
    }
    await app.prisma.campaignRecipient.create({
      data: {
        tenantId,
        runId,
        contactId: contact.id,
        variantId: seed.variant === 'A' ? variantA : variantB,
        status: seed.status,
        messageId,
        reason: seed.reason ?? null,
        errorCode: seed.errorCode ?? null,
        sentAt: seed.status === 'sent' ? sentAt : null,
        repliedAt: seed.replied ? new Date() : null,
      },
    });
    if (index === 0) {
      await app.prisma.campaignRecipient.create({
        data: { tenantId, runId: oldRunId, contactId: contact.id, variantId: variantA, status: 'sent', sentAt },
      });
    }
  }
});
afterAll(() => app?.stop());

const get = (path: string) => app.http.get(`/api/campaigns/${campaignId}${path}`, { token: owner.token });

it('[campaign results] counts the latest run in total and per variant', async () => {
  const stats = await get('/stats');
  expect(stats.status).toBe(200);
  expect(stats.body).toMatchObject({
    runId,
    status: 'running',
    total: {
      audience: 8,
      queued: 1,
      sent: 4,
      delivered: 3,
      read: 1,
      replied: 1,
      failed: 2,
      skipped: 1,
      optedOut: 1,
      reasons: { invalid_number: 1, whatsapp_error: 1, opted_out: 1 },
    },
  });
  const [a, b] = stats.body.variants;
  expect(a).toMatchObject({
    label: 'A',
    audience: 4,
    sent: 2,
    delivered: 2,
    read: 1,
    replied: 1,
    failed: 1,
    skipped: 1,
  });
  expect(b).toMatchObject({ label: 'B', audience: 4, queued: 1, sent: 2, delivered: 1, failed: 1, optedOut: 1 });
  // Billable and delivered: two marketing messages at $0.025 and one utility at $0.004 to US numbers.
  expect(stats.body.actualCost).toEqual({ amount: '0.0540', currency: 'USD' });
  // Everyone not skipped, at the template's marketing rate.
  expect(stats.body.estimatedCost).toEqual({ amount: '0.1750', currency: 'USD' });
  expect(typeof stats.body.sendRate).toBe('number');

  const old = await get(`/stats?runId=${oldRunId}`);
  expect(old.body).toMatchObject({ runId: oldRunId, status: 'completed', total: { audience: 1, sent: 1 } });
  expect(old.body.sendRate).toBeNull();
  const runs = await get('/runs');
  expect(runs.body.items.map((r: { id: string }) => r.id)).toEqual([runId, oldRunId]);
  expect((await get(`/stats?runId=${randomUUID()}`)).status).toBe(404);
});

it('[campaign results] recipients filter by what happened and by variant, a page at a time', async () => {
  const names = async (query: string) => {
    const page = await get(`/recipients?${query}`);
    expect(page.status).toBe(200);
    return page.body.items.map((r: { contact: { name: string } }) => r.contact.name).sort();
  };
  expect(await names('status=delivered')).toEqual(['=HYPERLINK("http://evil")', 'Contact 1', 'Contact 2']);
  expect(await names('status=read')).toEqual(['Contact 2']);
  expect(await names('status=replied')).toEqual(['Contact 1']);
  expect(await names('status=failed')).toEqual(['Contact 4']);
  expect(await names(`status=sent&variantId=${variantB}`)).toEqual(['=HYPERLINK("http://evil")', 'Contact 3']);

  const failed = await get('/recipients?status=failed');
  expect(failed.body.items[0]).toMatchObject({
    variantLabel: 'B',
    status: 'failed',
    reason: 'invalid_number',
    errorCode: 131026,
    messageStatus: null,
  });

  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await get(
      `/recipients?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(page.body.items.length).toBeLessThanOrEqual(3);
    seen.push(...page.body.items.map((r) => r.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  expect(new Set(seen).size).toBe(8);

  expect((await get('/recipients?status=bounced')).status).toBe(400);
});

it('[campaign results] the CSV export has every recipient and neutralises formulas', async () => {
  const csv = await app.http.request('GET', `/api/campaigns/${campaignId}/recipients.csv`, { token: owner.token });
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
  const lines = String(csv.body).trim().split('\r\n');
  expect(lines[0]).toBe(
    'contact_id,phone,name,variant,status,message_status,reason,reason_text,error_code,sent_at,replied_at',
  );
  expect(lines).toHaveLength(9);
  const evil = lines.find((line) => line.includes('HYPERLINK'))!;
  expect(evil).toContain(`"'=HYPERLINK(""http://evil"")"`);
  expect(evil).toContain(',B,sent,delivered,');

  const skipped = await app.http.request('GET', `/api/campaigns/${campaignId}/recipients.csv?status=skipped`, {
    token: owner.token,
  });
  const rows = String(skipped.body).trim().split('\r\n');
  expect(rows).toHaveLength(2);
  expect(rows[1]).toContain('skipped,,opted_out,Opted out of marketing,');
});
