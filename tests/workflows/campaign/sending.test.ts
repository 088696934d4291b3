// The campaign workflow end to end against the real Temporal dev server, PostgreSQL and the
// simulator playing the customers' phones: every recipient gets exactly one message; pause holds
// the sending, resume carries on, and people who opted out meanwhile are skipped; contacts added
// after the start are not messaged; cancel stops it and reports the rest; continue-as-new keeps
// sending without a duplicate.
import { maxInFlightFor } from '#activities/campaigns/send-page';
import { signalCampaignChanged, startCampaignWorkflow } from '#api/campaigns/campaign-temporal';
import { campaignStateQuery, campaignWorkflowId, type CampaignWorkflowInput } from '#workflows/campaign/messages';
import { eventually } from '../../support/eventually.ts';
import {
  messagesPerContact,
  recipientTally,
  resultOf,
  seedCampaign,
  seedContacts,
  SEED_RATE,
  seedWorkspace,
  sentCount,
  setMessagingLimitTier,
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

const launch = (ws: Workspace, campaignId: string) =>
  startCampaignWorkflow(stack.app.deps.temporal, stack.app.deps.env, { tenantId: ws.tenantId, campaignId });

/** What the API does: the status in the database first, then a signal to look again. */
async function setStatus(campaignId: string, from: string, to: string): Promise<void> {
  const changed = await stack.app.prisma.campaign.updateMany({
    where: { id: campaignId, status: from },
    data: { status: to },
  });
  expect(changed.count).toBe(1);
  await signalCampaignChanged(stack.app.deps.temporal, { id: campaignId, scheduleKind: 'now' });
}

const workflowState = (campaignId: string) =>
  stack.app.deps.temporal.workflow.getHandle(campaignWorkflowId(campaignId)).query(campaignStateQuery);

function phoneCounts(waIds: string[]): number[] {
  return waIds.map((waId) => stack.received.get(waId) ?? 0);
}

describe('[campaigns] sending', () => {
  it('sends a 10,000-recipient campaign with exactly one message per recipient', async () => {
    const ws = await seedWorkspace(stack);
    const contacts = await seedContacts(stack, ws, 10_000);
    const campaignId = await seedCampaign(stack, ws, { audience: { allContacts: true } });
    await launch(ws, campaignId);

    expect(await resultOf(stack, campaignId)).toEqual({ status: 'completed', runId: expect.any(String) });
    // Nobody gets it twice, whatever happened; a send whose answer was lost is reported, not resent.
    const perContact = await messagesPerContact(stack, ws);
    expect([...perContact.values()].filter((n) => n !== 1)).toEqual([]);
    const phones = phoneCounts(await waIdsOf(stack, contacts));
    expect(phones.filter((n) => n > 1)).toEqual([]);
    const tally = await recipientTally(stack, campaignId);
    const unknown = tally['failed:outcome_unknown'] ?? 0;
    expect(tally).toEqual({ sent: 10_000 - unknown, ...(unknown > 0 ? { 'failed:outcome_unknown': unknown } : {}) });
    expect(phones.filter((n) => n === 1).length).toBeGreaterThanOrEqual(10_000 - unknown);
    expect(unknown).toBeLessThanOrEqual(maxInFlightFor(SEED_RATE)); // at most the sends in flight
    const campaign = await stack.app.prisma.campaign.findUniqueOrThrow({
      where: { id: campaignId },
      select: {
        status: true,
        completedAt: true,
        runs: { select: { status: true, sentCount: true, audienceSize: true } },
      },
    });
    expect(campaign).toMatchObject({
      status: 'completed',
      completedAt: expect.any(Date),
      runs: [{ status: 'completed', sentCount: 10_000 - unknown, audienceSize: 10_000 }],
    });
  });

  it('holds sending while paused; on resume skips who opted out meanwhile and never messages contacts added after the start', async () => {
    const ws = await seedWorkspace(stack, 200);
    const contacts = await seedContacts(stack, ws, 1500, { tags: ['vip'] });
    const campaignId = await seedCampaign(stack, ws, {
      audience: { include: { segmentIds: [], groupIds: [], tags: ['vip'] } },
    });
    await launch(ws, campaignId);
    await eventually(async () => (await sentCount(stack, campaignId)) >= 200, 'the first 200 sends', 120_000);

    await setStatus(campaignId, 'running', 'paused');
    await eventually(
      async () => (await workflowState(campaignId)).status === 'paused',
      'the workflow to pause',
      120_000,
    );
    const run = await stack.app.prisma.campaignRun.findFirstOrThrow({
      where: { campaignId },
      select: { id: true, status: true },
    });
    expect(run.status).toBe('paused');
    const sentWhenPaused = await sentCount(stack, campaignId);
    expect(sentWhenPaused).toBeLessThan(1500);

    const pending = await stack.app.prisma.campaignRecipient.findMany({
      where: { runId: run.id, status: 'pending' },
      select: { contactId: true },
      take: 20,
    });
    const optedOut = pending.map((r) => r.contactId);
    await stack.app.prisma.contact.updateMany({ where: { id: { in: optedOut } }, data: { optInStatus: 'opted_out' } });
    const latecomers = await seedContacts(stack, ws, 5, { tags: ['vip'] });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await sentCount(stack, campaignId)).toBe(sentWhenPaused);

    await setStatus(campaignId, 'paused', 'running');
    expect(await resultOf(stack, campaignId)).toMatchObject({ status: 'completed' });
    expect(await recipientTally(stack, campaignId)).toEqual({ sent: 1480, 'skipped:opted_out': 20 });
    const perContact = await messagesPerContact(stack, ws);
    expect([...perContact.values()].every((n) => n === 1)).toBe(true);
    expect(optedOut.concat(latecomers).filter((id) => perContact.has(id))).toEqual([]);
    expect(contacts.filter((id) => !optedOut.includes(id)).every((id) => perContact.get(id) === 1)).toBe(true);
    expect(phoneCounts(await waIdsOf(stack, latecomers))).toEqual([0, 0, 0, 0, 0]);
  });

  it('waits for the number’s messaging limit instead of sending beyond it, then carries on', async () => {
    const ws = await seedWorkspace(stack);
    await setMessagingLimitTier(stack, ws, 'TIER_50');
    await seedContacts(stack, ws, 60);
    const campaignId = await seedCampaign(stack, ws, { audience: { allContacts: true } });
    await launch(ws, campaignId);
    const heldRun = () =>
      stack.app.prisma.campaignRun.findFirst({ where: { campaignId }, select: { limitHeldUntil: true } });
    await eventually(async () => (await heldRun())?.limitHeldUntil, 'the run to wait for the limit', 120_000);
    expect(await sentCount(stack, campaignId)).toBe(50);
    // It waits for the limit's time rather than trying page after page (the hold is written just
    // before the page returns).
    await eventually(async () => (await workflowState(campaignId)).pages === 1, 'the first page to return');
    expect(await workflowState(campaignId)).toMatchObject({ status: 'running' });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await workflowState(campaignId)).toMatchObject({ pages: 1 });

    // A day later those 50 no longer count; a signal wakes the workflow early, as its timer would.
    await stack.app.deps.pool.query(
      `UPDATE "MessagingReach" SET "reachedAt" = "reachedAt" - interval '25 hours' WHERE "channelId" = $1`,
      [ws.channelId],
    );
    await signalCampaignChanged(stack.app.deps.temporal, { id: campaignId, scheduleKind: 'now' });
    expect(await resultOf(stack, campaignId)).toMatchObject({ status: 'completed' });
    expect(await recipientTally(stack, campaignId)).toEqual({ sent: 60 });
    expect((await heldRun())?.limitHeldUntil).toBeNull();
  });

  it('stops on cancel and reports everyone not yet messaged as cancelled', async () => {
    const ws = await seedWorkspace(stack, 100);
    await seedContacts(stack, ws, 1000);
    const campaignId = await seedCampaign(stack, ws, { audience: { allContacts: true } });
    await launch(ws, campaignId);
    await eventually(async () => (await sentCount(stack, campaignId)) >= 100, 'the first 100 sends', 120_000);

    await setStatus(campaignId, 'running', 'cancelled');
    expect(await resultOf(stack, campaignId)).toMatchObject({ status: 'cancelled' });
    const tally = await recipientTally(stack, campaignId);
    expect(tally.sent).toBeGreaterThanOrEqual(100);
    expect(tally.sent).toBeLessThan(1000);
    expect(tally).toEqual({ sent: tally.sent, 'skipped:cancelled': 1000 - tally.sent! });
    const perContact = await messagesPerContact(stack, ws);
    expect([...perContact.values()].reduce((a, b) => a + b, 0)).toBe(tally.sent);
    const campaign = await stack.app.prisma.campaign.findUniqueOrThrow({
      where: { id: campaignId },
      select: { status: true, runs: { select: { status: true, sentCount: true, skippedCount: true } } },
    });
    expect(campaign).toEqual({
      status: 'cancelled',
      runs: [{ status: 'cancelled', sentCount: tally.sent, skippedCount: 1000 - tally.sent! }],
    });
  });

  it('continues as new when its history grows and still sends each recipient one message', async () => {
    const ws = await seedWorkspace(stack);
    const contacts = await seedContacts(stack, ws, 4500);
    const campaignId = await seedCampaign(stack, ws, { audience: { allContacts: true } });
    const input: CampaignWorkflowInput = { tenantId: ws.tenantId, campaignId, historyLimit: 10, pageRecipients: 1000 };
    const handle = await stack.app.deps.temporal.workflow.start('campaignWorkflow', {
      taskQueue: stack.app.deps.env.TEMPORAL_TASK_QUEUE,
      workflowId: campaignWorkflowId(campaignId),
      args: [input],
    });
    expect(await handle.result()).toMatchObject({ status: 'completed' });
    const latest = await stack.app.deps.temporal.workflow.getHandle(campaignWorkflowId(campaignId)).describe();
    expect(latest.runId).not.toBe(handle.firstExecutionRunId);
    // As at 10,000: nobody twice; a send whose answer was lost (a slow machine) is reported, not resent.
    const tally = await recipientTally(stack, campaignId);
    const unknown = tally['failed:outcome_unknown'] ?? 0;
    expect(tally).toEqual({ sent: 4500 - unknown, ...(unknown > 0 ? { 'failed:outcome_unknown': unknown } : {}) });
    expect(unknown).toBeLessThanOrEqual(maxInFlightFor(SEED_RATE)); // at most the sends in flight
    const perContact = await messagesPerContact(stack, ws);
    expect([...perContact.values()].filter((n) => n !== 1)).toEqual([]);
    expect(contacts.filter((id) => perContact.get(id) === 1).length).toBeGreaterThanOrEqual(4500 - unknown);
  });
});
