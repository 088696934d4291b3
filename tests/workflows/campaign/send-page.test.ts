// The campaign sending activity (sendCampaignPage) called directly against a real database, the
// platform's webhook pipeline and the Meta simulator: every recipient gets exactly one message,
// whatever the concurrency, rate limits, quota, pause or quiet hours.
import { createSendCampaignPageActivity } from '#activities/campaigns/send-page';
import { createSendRateLimiter } from '#activities/campaigns/send-rate-limiter';
import type { VariantMessage } from '#api/campaigns/schemas';
import type { SendPageInput, SendPageResult } from '#workflows/campaign/messages';
import { eventually } from '../../support/eventually.ts';
import {
  countBy,
  recipients,
  seedRun,
  seedTemplate,
  seedWorkspace,
  setMessagingLimitTier,
  startSendStack,
  type SendStack,
  type Workspace,
} from './send-page-seed.ts';

const UNREACHABLE = ['7799900000001', '7799900000002'];

let stack: SendStack;
let ws: Workspace;
let hello: string;
let greeting: string;
// Each test's own limiter, as a worker process has one.
const sendPage = () => createSendCampaignPageActivity(stack.deps, createSendRateLimiter());

beforeAll(async () => {
  stack = await startSendStack({ unreachableNumbers: UNREACHABLE });
  // 200/s, not the 1,000/s a number can reach: simulator, API and activity share this process's
  // event loop, and on a loaded 2-core machine the simulator's answers then come after the
  // client's timeout; a send whose answer is lost is (rightly) never resent. bench:campaign
  // measures the throughput.
  ws = await seedWorkspace(stack, 200);
  hello = await seedTemplate(stack, ws, 'hello_world', 'Hello World');
  greeting = await seedTemplate(stack, ws, 'campaign_greeting', 'Hello {{1}}, your order is ready today.');
}, 120_000);
// Each test starts once the previous one's status webhooks are all delivered.
afterEach(() => stack.meta.simulator.flush(), 60_000);
afterAll(() => stack?.stop(), 60_000);

/** Pages until nothing is pending, as the workflow does. */
async function sendAll(input: SendPageInput, send = sendPage()): Promise<SendPageResult[]> {
  const pages: SendPageResult[] = [];
  for (;;) {
    const page = await send(input);
    pages.push(page);
    if (page.remaining === 0 || page.stopped || page.nextNotBefore || page.limitedUntil) {
      return pages;
    }
  }
}

function expectOnePerContact(waIds: string[]) {
  const counts = waIds.map((waId) => stack.received.get(waId) ?? 0);
  expect(countBy(counts, String)).toEqual({ 1: waIds.length });
}

describe('[campaigns] send page', () => {
  it('sends 2,100 recipients exactly one message each and records them all sent', async () => {
    const run = await seedRun(stack, ws, {
      message: { kind: 'template', templateId: hello, bodyVariables: [] },
      contacts: 2100,
    });
    const pages = await sendAll({ tenantId: ws.tenantId, runId: run.runId, phase: 'main' });
    expect(pages).toHaveLength(1); // a page holds two minutes of the number's rate
    expect(pages.reduce((sum, p) => sum + p.sent, 0)).toBe(2100);
    expectOnePerContact(run.contacts.map((c) => c.waId));
    const rows = await recipients(stack, run.runId);
    expect(countBy(rows, (r) => r.status)).toEqual({ sent: 2100 });
    const counters = await stack.app.prisma.campaignRun.findUniqueOrThrow({ where: { id: run.runId } });
    expect(counters).toMatchObject({ sentCount: 2100, failedCount: 0, skippedCount: 0 });
    // Each contact counts its campaign and the message once, when WhatsApp took it.
    const engagement = await stack.app.prisma.contact.groupBy({
      by: ['campaignsReceivedCount', 'messagesSentCount'],
      where: { id: { in: run.contacts.map((c) => c.id) }, lastOutboundAt: { not: null } },
      _count: true,
    });
    expect(engagement).toEqual([{ campaignsReceivedCount: 1, messagesSentCount: 1, _count: 2100 }]);
    // The campaign's conversations start resolved: 2,100 broadcasts do not fill the inbox.
    const conversations = await stack.app.prisma.conversation.groupBy({
      by: ['status'],
      where: { tenantId: ws.tenantId, contactId: { in: run.contacts.map((c) => c.id) } },
      _count: true,
    });
    expect(conversations).toEqual([{ status: 'resolved', _count: 2100 }]);
  }, 120_000);

  it('never sends anyone twice when two attempts send the same run at once', async () => {
    const run = await seedRun(stack, ws, {
      message: { kind: 'template', templateId: hello, bodyVariables: [] },
      contacts: 900,
    });
    const input: SendPageInput = { tenantId: ws.tenantId, runId: run.runId, phase: 'main' };
    const [a, b] = await Promise.all([sendAll(input), sendAll(input)]);
    const sent = [...a, ...b].reduce((sum, p) => sum + p.sent, 0);
    expect(sent).toBe(900);
    expectOnePerContact(run.contacts.map((c) => c.waId));
    expect(countBy(await recipients(stack, run.runId), (r) => r.status)).toEqual({ sent: 900 });
  }, 120_000);

  it('skips the opted-out, the never opted-in and those missing a variable; uses defaults when asked', async () => {
    const message = {
      kind: 'template' as const,
      templateId: greeting,
      bodyVariables: [{ source: 'contact' as const, field: 'fields.first_name', default: 'friend' }],
    };
    const contacts = [
      { fields: { first_name: 'Ana' } },
      { fields: {} },
      { fields: { first_name: 'Bo' } }, // opts out after the snapshot
      { fields: { first_name: 'Cy' }, optInStatus: 'unknown' },
    ];
    const skipRun = await seedRun(stack, ws, { message, contacts, missingVariable: 'skip' });
    await stack.deps.pool.query(`UPDATE "Contact" SET "optInStatus" = 'opted_out' WHERE id = $1`, [
      skipRun.contacts[2]!.id,
    ]);
    const [page] = await sendAll({ tenantId: ws.tenantId, runId: skipRun.runId, phase: 'main' });
    expect(page).toMatchObject({ sent: 1, skipped: 3, failed: 0, remaining: 0 });
    const byWaId = new Map((await recipients(stack, skipRun.runId)).map((r) => [r.waId, r]));
    expect(skipRun.contacts.map((c) => [byWaId.get(c.waId)!.status, byWaId.get(c.waId)!.reason])).toEqual([
      ['sent', null],
      ['skipped', 'missing_variable'],
      ['skipped', 'opted_out'],
      ['skipped', 'not_opted_in'],
    ]);
    const anaThread = stack.meta.simulator.customers.thread(ws.phoneNumberId, skipRun.contacts[0]!.waId);
    expect(anaThread.map((m) => m.template?.body)).toEqual(['Hello Ana, your order is ready today.']);

    const defaultRun = await seedRun(stack, ws, { message, contacts: [{ fields: {} }], missingVariable: 'default' });
    expect((await sendAll({ tenantId: ws.tenantId, runId: defaultRun.runId, phase: 'main' }))[0]).toMatchObject({
      sent: 1,
    });
    const thread = stack.meta.simulator.customers.thread(ws.phoneNumberId, defaultRun.contacts[0]!.waId);
    expect(thread.map((m) => m.template?.body)).toEqual(['Hello friend, your order is ready today.']);
  }, 60_000);

  it('sends a free-form text only to contacts inside the 24-hour window', async () => {
    const customer = stack.meta.simulator.customers.add(ws.phoneNumberId, { name: 'Writer' });
    await stack.meta.simulator.customers.send(ws.phoneNumberId, customer.waId, { type: 'text', text: { body: 'hi' } });
    await eventually(
      () =>
        stack.app.prisma.conversation.findFirst({
          where: { tenantId: ws.tenantId, contact: { waId: customer.waId }, lastInboundAt: { not: null } },
        }),
      'the customer’s conversation',
    );
    const run = await seedRun(stack, ws, {
      message: { kind: 'text', text: 'Our shop opens at 9 tomorrow' },
      contacts: [{ waId: customer.waId }, {}],
    });
    const [page] = await sendAll({ tenantId: ws.tenantId, runId: run.runId, phase: 'main' });
    expect(page).toMatchObject({ sent: 1, skipped: 1 });
    const rows = new Map((await recipients(stack, run.runId)).map((r) => [r.waId, r]));
    expect(rows.get(run.contacts[1]!.waId)).toMatchObject({ status: 'skipped', reason: 'outside_window' });
    const texts = stack.meta.simulator.customers
      .thread(ws.phoneNumberId, customer.waId)
      .filter((m) => m.direction === 'outbound')
      .map((m) => (m.content as { text?: { body?: string } }).text?.body);
    expect(texts).toEqual(['Our shop opens at 9 tomorrow']);
  }, 60_000);

  it('backs off on 130429 without losing or doubling anyone, and fails numbers not on WhatsApp', async () => {
    const slow = await seedWorkspace(stack, 50);
    const template = await seedTemplate(stack, slow, 'hello_world', 'Hello World');
    stack.meta.simulator.state.numbers.get(slow.phoneNumberId)!.throughputPerSecond = 5;
    const run = await seedRun(stack, slow, {
      message: { kind: 'template', templateId: template, bodyVariables: [] },
      contacts: [...Array.from({ length: 30 }, () => ({})), ...UNREACHABLE.map((waId) => ({ waId }))],
    });
    await sendAll({ tenantId: slow.tenantId, runId: run.runId, phase: 'main' });
    expectOnePerContact(run.contacts.map((c) => c.waId));
    const rows = await eventually(async () => {
      const all = await recipients(stack, run.runId);
      return all.filter((r) => r.status === 'failed').length === 2 ? all : null;
    }, 'the unreachable numbers to fail');
    expect(countBy(rows, (r) => `${r.status}:${r.reason ?? ''}`)).toEqual({ 'sent:': 30, 'failed:invalid_number': 2 });
    expect(rows.filter((r) => r.status === 'failed').map((r) => r.errorCode)).toEqual([131026, 131026]);
    const counters = await stack.app.prisma.campaignRun.findUniqueOrThrow({ where: { id: run.runId } });
    expect(counters).toMatchObject({ sentCount: 30, failedCount: 2 });
  }, 120_000);

  it('stops at the plan’s daily quota having sent exactly what it allows', async () => {
    const limited = await seedWorkspace(stack);
    const template = await seedTemplate(stack, limited, 'hello_world', 'Hello World');
    const usage = await stack.app.prisma.tenantMessageUsage.findMany({ where: { tenantId: limited.tenantId } });
    const used = usage.reduce((sum, u) => sum + u.count, 0);
    await stack.app.prisma.tenantSettings.update({
      where: { tenantId: limited.tenantId },
      data: { maxMessagesPerDay: used + 25 },
    });
    const run = await seedRun(stack, limited, {
      message: { kind: 'template', templateId: template, bodyVariables: [] },
      contacts: 40,
    });
    const pages = await sendAll({ tenantId: limited.tenantId, runId: run.runId, phase: 'main' });
    expect(pages.at(-1)).toMatchObject({ stopped: 'quota', remaining: 15 });
    const got = run.contacts.filter((c) => stack.received.get(c.waId));
    expect(got).toHaveLength(25);
    expect(countBy(await recipients(stack, run.runId), (r) => r.status)).toEqual({ sent: 25, pending: 15 });
  }, 60_000);

  it('two campaigns sending at once share the plan’s quota without going over it', async () => {
    const limited = await seedWorkspace(stack, 400);
    const template = await seedTemplate(stack, limited, 'hello_world', 'Hello World');
    const usage = async () =>
      (await stack.app.prisma.tenantMessageUsage.findMany({ where: { tenantId: limited.tenantId } })).reduce(
        (sum, u) => sum + u.count,
        0,
      );
    const used = await usage();
    await stack.app.prisma.tenantSettings.update({
      where: { tenantId: limited.tenantId },
      data: { maxMessagesPerDay: used + 300 },
    });
    const message: VariantMessage = { kind: 'template', templateId: template, bodyVariables: [] };
    const first = await seedRun(stack, limited, { message, contacts: 250 });
    const second = await seedRun(stack, limited, { message, contacts: 250 });
    // Each in its own worker, as two workflows' pages would run.
    const pages = await Promise.all(
      [first, second].map((run) => sendAll({ tenantId: limited.tenantId, runId: run.runId, phase: 'main' })),
    );
    // Whichever got there first: 300 sent between them, 200 left, and whoever is left stopped on it.
    const last = pages.map((p) => p.at(-1)!);
    expect(last.reduce((sum, p) => sum + p.remaining, 0)).toBe(200);
    expect(last.filter((p) => p.remaining > 0).every((p) => p.stopped === 'quota')).toBe(true);
    const got = [...first.contacts, ...second.contacts].filter((c) => stack.received.get(c.waId));
    expect(got).toHaveLength(300);
    expect(await usage()).toBe(used + 300);
  }, 60_000);

  it('reaches no more new customers than the number’s messaging limit, and the rest as it frees up', async () => {
    const limited = await seedWorkspace(stack);
    await setMessagingLimitTier(stack, limited, 'TIER_50');
    const template = await seedTemplate(stack, limited, 'hello_world', 'Hello World');
    const message: VariantMessage = { kind: 'template', templateId: template, bodyVariables: [] };
    const estimateLimit = async () =>
      (
        await stack.app.http.post(
          '/api/campaigns/estimate',
          { channelId: limited.channelId, audience: { allContacts: true }, templateId: template },
          { token: limited.tenant.token },
        )
      ).body.messagingLimit;
    expect(await estimateLimit()).toEqual({ tier: 'TIER_50', limit: 50, remaining: 50 });

    // Earlier today: 45 customers reached, and 2 customers who wrote an hour ago.
    const earlier = await seedRun(stack, limited, { message, contacts: 45 });
    await sendAll({ tenantId: limited.tenantId, runId: earlier.runId, phase: 'main' });
    expect(await estimateLimit()).toEqual({ tier: 'TIER_50', limit: 50, remaining: 5 });
    const writers = await seedRun(stack, limited, { message, contacts: 2 });
    await stack.deps.pool.query(
      `INSERT INTO "Conversation" (id, "tenantId", "channelId", "contactId", status, "lastMessageAt", "lastInboundAt", "updatedAt")
       SELECT gen_random_uuid(), $1, $2, c, 'open', now(), (now() AT TIME ZONE 'UTC') - interval '1 hour', now()
       FROM unnest($3::uuid[]) c`,
      [limited.tenantId, limited.channelId, writers.contacts.map((c) => c.id)],
    );

    // Now 20 recipients: 3 reached earlier and the 2 writers take nothing of the limit; of the 15
    // new customers, 5 fit.
    const newcomers = await seedRun(stack, limited, { message, contacts: 15 });
    const contacts = [...earlier.contacts.slice(0, 3), ...writers.contacts, ...newcomers.contacts];
    const run = await seedRun(stack, limited, { message, contacts: contacts.map((c) => ({ waId: c.waId })) });
    const before = Date.now();
    const [page] = await sendAll({ tenantId: limited.tenantId, runId: run.runId, phase: 'main' });
    expect(page).toMatchObject({ sent: 10, remaining: 10, stopped: null });
    // The earliest of the 45 stops counting 24 hours after it was sent.
    const until = Date.parse(page!.limitedUntil!);
    expect(until).toBeGreaterThan(before + 23.9 * 3600_000);
    expect(until).toBeLessThan(Date.now() + 24 * 3600_000);
    const got = (list: Array<{ waId: string }>) => list.filter((c) => stack.received.get(c.waId)).length;
    expect(got(newcomers.contacts)).toBe(5);
    expect(stack.received.get(earlier.contacts[0]!.waId)).toBe(2);
    expect(got(writers.contacts)).toBe(2);
    expect(await estimateLimit()).toEqual({ tier: 'TIER_50', limit: 50, remaining: 0 });
    const held = await stack.app.prisma.campaignRun.findUniqueOrThrow({ where: { id: run.runId } });
    expect(held.limitHeldUntil?.getTime()).toBe(until);
    const notices = await stack.app.prisma.notification.findMany({
      where: { tenantId: limited.tenantId, kind: 'campaign.held' },
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain('50 customers');

    // A day later the 42 reached only earlier no longer count: the other 10 go, the hold ends.
    await stack.deps.pool.query(
      `UPDATE "MessagingReach" SET "reachedAt" = "reachedAt" - interval '25 hours'
       WHERE "channelId" = $1 AND "contactId" = ANY($2::uuid[])`,
      [limited.channelId, earlier.contacts.slice(3).map((c) => c.id)],
    );
    const [later] = await sendAll({ tenantId: limited.tenantId, runId: run.runId, phase: 'main' });
    expect(later).toMatchObject({ sent: 10, remaining: 0, limitedUntil: null });
    expect(got(newcomers.contacts)).toBe(15);
    expect(countBy(await recipients(stack, run.runId), (r) => r.status)).toEqual({ sent: 20 });
    const released = await stack.app.prisma.campaignRun.findUniqueOrThrow({ where: { id: run.runId } });
    expect(released.limitHeldUntil).toBeNull();
    expect(await estimateLimit()).toEqual({ tier: 'TIER_50', limit: 50, remaining: 32 });
  }, 90_000);

  it('stops within a couple of seconds of a pause and leaves the rest pending', async () => {
    const paced = await seedWorkspace(stack, 100);
    const template = await seedTemplate(stack, paced, 'hello_world', 'Hello World');
    const run = await seedRun(stack, paced, {
      message: { kind: 'template', templateId: template, bodyVariables: [] },
      contacts: 1500,
    });
    const page = sendPage()({ tenantId: paced.tenantId, runId: run.runId, phase: 'main' });
    // Recipients go out in id order, not in the order they were seeded: wait for any 50.
    await eventually(
      async () => run.contacts.filter((c) => stack.received.get(c.waId)).length >= 50,
      'sending to start',
    );
    await stack.deps.pool.query(`UPDATE "Campaign" SET status = 'paused' WHERE id = $1`, [run.campaignId]);
    const result = await page;
    expect(result.stopped).toBe('paused');
    const rows = await recipients(stack, run.runId);
    const byStatus = countBy(rows, (r) => r.status);
    expect(byStatus.sending).toBeUndefined();
    expect(byStatus.pending).toBeGreaterThan(0);
    expect(byStatus.sent).toBe(result.sent);
    const sentTo = rows.filter((r) => r.status === 'sent').map((r) => r.waId);
    expectOnePerContact(sentTo);
    expect(rows.filter((r) => r.status === 'pending').every((r) => !stack.received.get(r.waId))).toBe(true);
    // Paused: the next page sends nothing.
    expect(await sendPage()({ tenantId: paced.tenantId, runId: run.runId, phase: 'main' })).toMatchObject({
      sent: 0,
      stopped: 'paused',
    });
  }, 60_000);

  it('defers recipients inside their quiet hours and sends the others', async () => {
    const hhmm = (offsetHours: number) => {
      const d = new Date(Date.now() + offsetHours * 3600_000);
      return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    };
    const quietHours = { from: hhmm(-1), to: hhmm(1) }; // around now in UTC, far from now in Tokyo
    const run = await seedRun(stack, ws, {
      message: { kind: 'template', templateId: hello, bodyVariables: [] },
      contacts: [{ timeZone: 'UTC' }, { timeZone: 'UTC' }, { timeZone: 'Asia/Tokyo' }],
      quietHours,
    });
    const [page] = await sendAll({ tenantId: ws.tenantId, runId: run.runId, phase: 'main' });
    expect(page).toMatchObject({ sent: 1, remaining: 2 });
    expect(new Date(page!.nextNotBefore!).getTime()).toBeGreaterThan(Date.now() + 3000_000);
    const rows = new Map((await recipients(stack, run.runId)).map((r) => [r.waId, r]));
    expect(rows.get(run.contacts[2]!.waId)!.status).toBe('sent');
    for (const deferred of run.contacts.slice(0, 2)) {
      expect(rows.get(deferred.waId)).toMatchObject({ status: 'pending' });
      expect(stack.received.get(deferred.waId)).toBeUndefined();
    }
  }, 60_000);

  it('settles recipients stuck in sending: sent when WhatsApp gave an id, else failed as outcome unknown', async () => {
    const run = await seedRun(stack, ws, {
      message: { kind: 'template', templateId: hello, bodyVariables: [] },
      contacts: 3,
    });
    // Two recipients whose attempt died mid-send three minutes ago; one message got Meta's id from
    // a status webhook (matched by biz_opaque_callback_data), the other never heard back. Their
    // messageId is not written yet (it comes with the send's result): the message key pairs them.
    const [first, second] = run.contacts;
    await stack.deps.pool.query(
      `WITH conv AS (
         INSERT INTO "Conversation" (id, "tenantId", "channelId", "contactId", status, "lastMessageAt", "updatedAt")
         SELECT gen_random_uuid(), $1, $2, c, 'resolved', now(), now() FROM unnest($3::uuid[]) c
         RETURNING id, "contactId"
       ), msg AS (
         INSERT INTO "Message" (id, "tenantId", "conversationId", "channelId", "contactId", direction, type, content,
                                status, "providerMessageId", "idempotencyKey", "updatedAt")
         SELECT gen_random_uuid(), $1, conv.id, $2, conv."contactId", 'outbound', 'template', '{}'::jsonb,
                CASE WHEN conv."contactId" = $5 THEN 'sent' ELSE 'sending' END,
                CASE WHEN conv."contactId" = $5 THEN 'wamid.stuck' END, 'campaign:' || $4::text || ':' || conv."contactId", now()
         FROM conv RETURNING id, "contactId"
       )
       UPDATE "CampaignRecipient" r SET status = 'sending', attempts = 1,
         "updatedAt" = (now() AT TIME ZONE 'UTC') - interval '3 minutes'
       FROM msg WHERE r."runId" = $4::uuid AND r."contactId" = msg."contactId"`,
      [ws.tenantId, ws.channelId, [first!.id, second!.id], run.runId, first!.id],
    );
    const [page] = await sendAll({ tenantId: ws.tenantId, runId: run.runId, phase: 'main' });
    expect(page).toMatchObject({ sent: 2, failed: 1, remaining: 0 });
    const rows = new Map((await recipients(stack, run.runId)).map((r) => [r.waId, r]));
    expect(rows.get(first!.waId)).toMatchObject({ status: 'sent' });
    expect(rows.get(second!.waId)).toMatchObject({ status: 'failed', reason: 'outcome_unknown' });
    const { rows: messages } = await stack.deps.pool.query<{ waId: string; status: string }>(
      `SELECT c."waId", m.status FROM "CampaignRecipient" r JOIN "Message" m ON m.id = r."messageId"
       JOIN "Contact" c ON c.id = r."contactId" WHERE r."runId" = $1 AND r."contactId" = ANY($2::uuid[])`,
      [run.runId, [first!.id, second!.id]],
    );
    expect(new Map(messages.map((m) => [m.waId, m.status]))).toEqual(
      new Map([
        [first!.waId, 'sent'],
        [second!.waId, 'failed'],
      ]),
    );
    expect(stack.received.get(first!.waId)).toBeUndefined();
    expect(stack.received.get(second!.waId)).toBeUndefined();
    expect(stack.received.get(run.contacts[2]!.waId)).toBe(1);
  }, 60_000);
});
