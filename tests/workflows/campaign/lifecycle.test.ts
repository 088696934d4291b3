// A campaign's life around the sending: a start that is refused tells its creator why; a
// scheduled start can be moved or cancelled before it happens; a recurring campaign's Schedule
// starts one run per occurrence, each sending to the audience once; an A/B test sends its sample
// by weight and gives the winner (by read rate) to everyone else; and a worker that dies
// mid-campaign is replaced without anyone getting it twice.
import { randomBytes } from 'node:crypto';
import { ScheduleOverlapPolicy } from '@temporalio/client';
import {
  deleteRecurringSchedule,
  nextOccurrences,
  signalCampaignChanged,
  startCampaignWorkflow,
  upsertRecurringSchedule,
} from '#api/campaigns/campaign-temporal';
import { maxInFlightFor } from '#activities/campaigns/send-page';
import {
  campaignScheduleId,
  campaignStateQuery,
  campaignWorkflowId,
  type CampaignWorkflowInput,
} from '#workflows/campaign/messages';
import { eventually } from '../../support/eventually.ts';
import { startTestWorker } from '../../support/test-worker.ts';
import {
  messagesPerContact,
  recipientTally,
  resultOf,
  seedCampaign,
  seedContacts,
  SEED_RATE,
  seedWorkspace,
  sentCount,
  startCampaignStack,
  waIdsOf,
  type CampaignStack,
  type Workspace,
} from './harness.ts';

jest.setTimeout(600_000);

let stack: CampaignStack;
beforeAll(async () => {
  stack = await startCampaignStack();
});
afterAll(() => stack?.stop());

const temporal = () => stack.app.deps.temporal;
const launch = (ws: Workspace, campaignId: string) =>
  startCampaignWorkflow(temporal(), stack.app.deps.env, { tenantId: ws.tenantId, campaignId });
const stateOf = (campaignId: string) =>
  temporal().workflow.getHandle(campaignWorkflowId(campaignId)).query(campaignStateQuery);

async function campaignRow(campaignId: string) {
  return stack.app.prisma.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    select: { status: true, failureReason: true, runs: { select: { status: true, failureReason: true } } },
  });
}

describe('[campaigns] refused starts', () => {
  it('a campaign on a disconnected number fails with the reason and notifies its creator', async () => {
    const ws = await seedWorkspace(stack);
    await seedContacts(stack, ws, 3);
    await stack.app.prisma.channel.update({
      where: { id: ws.channelId },
      data: { status: 'disconnected', statusReason: 'WhatsApp rejected the access token' },
    });
    const campaignId = await seedCampaign(stack, ws, { audience: { allContacts: true } });
    await launch(ws, campaignId);

    expect(await resultOf(stack, campaignId)).toEqual({ status: 'failed', runId: expect.any(String) });
    const row = await campaignRow(campaignId);
    expect(row.status).toBe('failed');
    expect(row.failureReason).toMatch(/is disconnected \(WhatsApp rejected the access token\): reconnect it/);
    expect(row.runs).toEqual([{ status: 'failed', failureReason: row.failureReason }]);
    const notification = await stack.app.prisma.notification.findFirstOrThrow({
      where: { tenantId: ws.tenantId, userId: ws.userId, kind: 'campaign.failed' },
    });
    expect(notification).toMatchObject({ body: row.failureReason, link: `/campaigns/${campaignId}` });
    expect(notification.title).toMatch(/could not start/);
    expect(await messagesPerContact(stack, ws)).toEqual(new Map());
  });

  it('a campaign whose template was rejected fails naming the template and WhatsApp’s reason', async () => {
    const ws = await seedWorkspace(stack);
    await seedContacts(stack, ws, 3);
    await stack.app.prisma.messageTemplate.update({
      where: { id: ws.templateId },
      data: { status: 'rejected', rejectionReason: 'INVALID_FORMAT' },
    });
    const campaignId = await seedCampaign(stack, ws, { audience: { allContacts: true } });
    await launch(ws, campaignId);

    expect(await resultOf(stack, campaignId)).toMatchObject({ status: 'failed' });
    const row = await campaignRow(campaignId);
    expect(row.failureReason).toBe(
      'Variant A: Template hello_world (en_US) was rejected by WhatsApp (INVALID_FORMAT) and cannot be sent: only approved templates can be sent',
    );
    const notification = await stack.app.prisma.notification.findFirstOrThrow({
      where: { tenantId: ws.tenantId, userId: ws.userId, kind: 'campaign.failed' },
    });
    expect(notification.body).toBe(row.failureReason);
  });
});

describe('[campaigns] scheduled starts', () => {
  it('starts at the new time when its time is moved earlier, and never once cancelled before its time', async () => {
    const ws = await seedWorkspace(stack);
    const contacts = await seedContacts(stack, ws, 10);
    const later = new Date(Date.now() + 3_600_000);
    const moved = await seedCampaign(stack, ws, {
      audience: { allContacts: true },
      scheduleKind: 'once',
      scheduledAt: later,
    });
    const cancelled = await seedCampaign(stack, ws, {
      audience: { allContacts: true },
      scheduleKind: 'once',
      scheduledAt: later,
    });
    await launch(ws, moved);
    await launch(ws, cancelled);
    await eventually(async () => (await stateOf(moved)).status === 'waiting', 'the first campaign to wait', 120_000);
    await eventually(
      async () => (await stateOf(cancelled)).status === 'waiting',
      'the second campaign to wait',
      120_000,
    );

    await stack.app.prisma.campaign.update({
      where: { id: moved },
      data: { scheduledAt: new Date(Date.now() + 1000) },
    });
    await signalCampaignChanged(temporal(), { id: moved, scheduleKind: 'once' });
    await stack.app.prisma.campaign.update({ where: { id: cancelled }, data: { status: 'cancelled' } });
    await signalCampaignChanged(temporal(), { id: cancelled, scheduleKind: 'once' });

    expect(await resultOf(stack, moved)).toMatchObject({ status: 'completed' });
    expect(await resultOf(stack, cancelled)).toEqual({ status: 'cancelled', runId: null });
    expect(await recipientTally(stack, moved)).toEqual({ sent: 10 });
    expect(await stack.app.prisma.campaignRun.count({ where: { campaignId: cancelled } })).toBe(0);
    const perContact = await messagesPerContact(stack, ws);
    expect(contacts.map((id) => perContact.get(id))).toEqual(contacts.map(() => 1));
  });

  it('a cancel racing the start time leaves the campaign and the phones agreeing', async () => {
    const ws = await seedWorkspace(stack, 50);
    await seedContacts(stack, ws, 200);
    const campaignId = await seedCampaign(stack, ws, {
      audience: { allContacts: true },
      scheduleKind: 'once',
      scheduledAt: new Date(Date.now() + 2000),
    });
    await launch(ws, campaignId);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const cancelled = await stack.app.prisma.campaign.updateMany({
      where: { id: campaignId, status: { in: ['scheduled', 'running'] } },
      data: { status: 'cancelled' },
    });
    expect(cancelled.count).toBe(1);
    await signalCampaignChanged(temporal(), { id: campaignId, scheduleKind: 'once' });

    const result = await resultOf(stack, campaignId);
    expect(result.status).toBe('cancelled');
    expect((await campaignRow(campaignId)).status).toBe('cancelled');
    const sent = await sentCount(stack, campaignId);
    expect(sent).toBeLessThan(200);
    const perContact = await messagesPerContact(stack, ws);
    expect([...perContact.values()].reduce((a, b) => a + b, 0)).toBe(sent);
    if (result.runId) {
      expect(await recipientTally(stack, campaignId)).toEqual(
        sent > 0 ? { sent, 'skipped:cancelled': 200 - sent } : { 'skipped:cancelled': 200 },
      );
    }
  });
});

describe('[campaigns] recurring', () => {
  it('its Schedule starts a run per occurrence, each sending to the audience once', async () => {
    const ws = await seedWorkspace(stack);
    const contacts = await seedContacts(stack, ws, 5);
    const today = new Date().toISOString().slice(0, 10);
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const recurrence = { frequency: 'daily', time: '09:00', weekdays: [], startsOn: today, endsOn: inAWeek };
    const campaignId = await seedCampaign(stack, ws, {
      audience: { allContacts: true },
      scheduleKind: 'recurring',
      recurrence,
    });
    await upsertRecurringSchedule(temporal(), stack.app.deps.env, {
      id: campaignId,
      tenantId: ws.tenantId,
      timeZone: 'UTC',
      recurrence,
    });
    const upcoming = await nextOccurrences(temporal(), campaignId);
    expect(upcoming.length).toBeGreaterThan(0);
    expect(upcoming[0]!.toISOString()).toMatch(/T09:00:00\.000Z$/);

    const schedule = temporal().schedule.getHandle(campaignScheduleId(campaignId));
    for (const occurrence of [1, 2]) {
      // The previous occurrence's workflow may still be closing after its run completed: the
      // Schedule's SKIP policy would drop a trigger that overlaps it, so this one allows overlap.
      // An occurrence's workflow id ends with its time to the second: triggers a second apart.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await schedule.trigger(ScheduleOverlapPolicy.ALLOW_ALL);
      await eventually(
        async () =>
          (await stack.app.prisma.campaignRun.count({ where: { campaignId, status: 'completed' } })) === occurrence &&
          (await campaignRow(campaignId)).status === 'scheduled',
        `occurrence ${occurrence} to complete and the campaign to wait for the next`,
        120_000,
      );
    }
    const runs = await stack.app.prisma.campaignRun.findMany({
      where: { campaignId },
      select: { workflowId: true, sentCount: true },
    });
    expect(runs).toHaveLength(2);
    expect(runs.every((run) => run.workflowId.startsWith(`${campaignWorkflowId(campaignId)}-`))).toBe(true);
    expect(runs.map((run) => run.sentCount)).toEqual([5, 5]);
    const perContact = await messagesPerContact(stack, ws);
    expect(contacts.map((id) => perContact.get(id))).toEqual([2, 2, 2, 2, 2]);

    await deleteRecurringSchedule(temporal(), campaignId);
    expect(await nextOccurrences(temporal(), campaignId)).toEqual([]);
  });
});

describe('[campaigns] A/B test', () => {
  it('sends the sample by weight, then the variant read most to everyone else', async () => {
    const ws = await seedWorkspace(stack);
    const contacts = await seedContacts(stack, ws, 1000);
    const campaignId = await seedCampaign(stack, ws, {
      audience: { allContacts: true },
      variants: [
        { label: 'A', weight: 70 },
        { label: 'B', weight: 30 },
      ],
      abTest: { samplePercent: 20, winnerMetric: 'read', waitMinutes: 1 },
    });
    const variants = await stack.app.prisma.campaignVariant.findMany({
      where: { campaignId },
      select: { id: true, label: true },
      orderBy: { position: 'asc' },
    });
    const a = variants[0]!;
    const b = variants[1]!;
    await launch(ws, campaignId);
    await eventually(
      async () =>
        (await stateOf(campaignId)).status === 'testing' &&
        (await stack.app.prisma.campaignRecipient.count({
          where: { run: { campaignId }, phase: 'test', status: 'sent' },
        })) === 200,
      'the test sample to be sent',
      120_000,
    );
    const test = await stack.app.prisma.campaignRecipient.findMany({
      where: { run: { campaignId }, phase: 'test' },
      select: { contactId: true, variantId: true },
    });
    const onA = test.filter((r) => r.variantId === a.id).length;
    const onB = test.filter((r) => r.variantId === b.id).length;
    expect(Math.abs(onA - 140)).toBeLessThanOrEqual(2);
    expect(onA + onB).toBe(200);
    expect(
      await stack.app.prisma.campaignRecipient.count({ where: { run: { campaignId }, phase: 'main', status: 'sent' } }),
    ).toBe(0);

    // B's readers open the message; A's never do.
    const readersOfB = await waIdsOf(
      stack,
      test.filter((r) => r.variantId === b.id).map((r) => r.contactId),
    );
    for (const waId of readersOfB) {
      stack.meta.simulator.customers.read(ws.phoneNumberId, waId);
    }
    await eventually(
      async () => (await stack.app.prisma.message.count({ where: { tenantId: ws.tenantId, status: 'read' } })) === onB,
      'the read receipts of variant B',
      120_000,
    );

    expect(await resultOf(stack, campaignId)).toMatchObject({ status: 'completed' });
    const run = await stack.app.prisma.campaignRun.findFirstOrThrow({ where: { campaignId } });
    expect(run.winnerVariantId).toBe(b.id);
    const main = await stack.app.prisma.campaignRecipient.groupBy({
      by: ['variantId', 'status', 'reason'],
      where: { runId: run.id, phase: 'main' },
      _count: true,
    });
    expect(main).toEqual([{ variantId: b.id, status: 'sent', reason: null, _count: 800 }]);
    const perContact = await messagesPerContact(stack, ws);
    expect(contacts.every((id) => perContact.get(id) === 1)).toBe(true);
  });
});

describe('[campaigns] worker crash', () => {
  it('a worker stopped mid-campaign is replaced: nobody gets it twice, nobody is lost unreported', async () => {
    const ws = await seedWorkspace(stack, 300);
    const contacts = await seedContacts(stack, ws, 3000);
    const campaignId = await seedCampaign(stack, ws, { audience: { allContacts: true } });
    const taskQueue = `campaign-crash-${randomBytes(4).toString('hex')}`;
    let worker = await startTestWorker(stack.app, taskQueue);
    const input: CampaignWorkflowInput = { tenantId: ws.tenantId, campaignId };
    const handle = await temporal().workflow.start('campaignWorkflow', {
      taskQueue,
      workflowId: campaignWorkflowId(campaignId),
      args: [input],
    });
    await eventually(async () => (await sentCount(stack, campaignId)) >= 500, 'the first 500 sends', 120_000);
    await worker.stop();
    worker = await startTestWorker(stack.app, taskQueue);
    try {
      expect(await handle.result()).toMatchObject({ status: 'completed' });
    } finally {
      await worker.stop();
    }

    const tally = await recipientTally(stack, campaignId);
    const unknown = tally['failed:outcome_unknown'] ?? 0;
    expect(unknown).toBeLessThanOrEqual(maxInFlightFor(SEED_RATE)); // at most the sends in flight
    expect(tally).toEqual({ sent: 3000 - unknown, ...(unknown > 0 ? { 'failed:outcome_unknown': unknown } : {}) });
    const phones = (await waIdsOf(stack, contacts)).map((waId) => stack.received.get(waId) ?? 0);
    expect(phones.filter((n) => n > 1)).toEqual([]);
    expect(phones.filter((n) => n === 1).length).toBeGreaterThanOrEqual(3000 - unknown);
    const perContact = await messagesPerContact(stack, ws);
    expect([...perContact.values()].every((n) => n === 1)).toBe(true);
  });
});
