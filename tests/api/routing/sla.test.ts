// SLA: a conversation gets due times from its priority's policy when it opens or reopens (moved by
// a priority change), meets the first-response target when a person answers (not the bot), has
// nothing left once resolved, and a breach notifies its agent once.
import { slaOf } from '#api/sla/sla-state';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { eventually } from '../../support/eventually.ts';
import {
  assigneeOf,
  customerWrites,
  routingWorkspace,
  setStatus,
  teamWithRule,
  waId,
} from '../../support/seed/routing.ts';

// Several webhook round trips and sweeps per test, on a shared machine.
jest.setTimeout(90_000);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ SANDBOX_URL: 'off', ROUTING_SWEEP_SECONDS: '1' });
});
afterAll(() => app.stop());

const seconds = (from: Date | null, to: Date | null) => ((to?.getTime() ?? NaN) - (from?.getTime() ?? NaN)) / 1000;

describe('[routing] SLA', () => {
  it('sets due times on opening, moves them with the priority, and clears what is met', async () => {
    const workspace = await routingWorkspace(app, []);
    const token = workspace.owner.token;
    const normal = await app.http.post(
      '/api/sla-policies',
      { priority: 'none', firstResponseSeconds: 600, resolutionSeconds: 86_400 },
      { token },
    );
    expect(normal.status).toBe(201);
    await app.http.post('/api/sla-policies', { priority: 'urgent', firstResponseSeconds: 60 }, { token });

    const id = await customerWrites(app, workspace.channel, waId());
    let row = await app.prisma.conversation.findUniqueOrThrow({ where: { id } });
    expect(seconds(row.slaStartedAt, row.firstResponseDueAt)).toBe(600);
    expect(seconds(row.slaStartedAt, row.resolutionDueAt)).toBe(86_400);
    expect(slaOf(row)).toMatchObject({ state: 'ok' });
    const listed = await app.http.get(`/api/conversations/${id}`, { token });
    expect(listed.body.sla).toEqual({
      firstResponseDueAt: row.firstResponseDueAt!.toISOString(),
      resolutionDueAt: row.resolutionDueAt!.toISOString(),
      state: 'ok',
    });

    // Urgent: 60 s to answer, counted from the same start; no resolution target.
    row = await app.prisma.conversation.update({ where: { id }, data: { priority: 'urgent' } });
    expect(seconds(row.slaStartedAt, row.firstResponseDueAt)).toBe(60);
    expect(row.resolutionDueAt).toBeNull();

    // A bot's message is not a person's answer; an agent's is.
    await outbound(id, 'flow:session:1');
    row = await app.prisma.conversation.findUniqueOrThrow({ where: { id } });
    expect(row.firstRespondedAt).toBeNull();
    const sent = await app.http.post(
      '/api/messages',
      {
        channelId: workspace.channel.channelId,
        to: { contactId: row.contactId },
        content: { type: 'text', text: { body: 'Hi, how can I help?' } },
      },
      { token },
    );
    expect(sent.status).toBe(202);
    row = await app.prisma.conversation.findUniqueOrThrow({ where: { id } });
    expect(row.firstRespondedAt).not.toBeNull();
    expect(row.firstResponseDueAt).toBeNull();

    // Resolved: nothing left to meet. The customer writes again: a new clock.
    row = await app.prisma.conversation.update({ where: { id }, data: { status: 'resolved', priority: 'none' } });
    expect(slaOf(row)).toBeNull();
    const startedBefore = row.slaStartedAt!;
    const contact = await app.prisma.contact.findUniqueOrThrow({ where: { id: row.contactId } });
    await customerWrites(app, workspace.channel, contact.waId, 'me again');
    row = await eventually(
      () => app.prisma.conversation.findFirst({ where: { id, status: 'open' } }),
      'the conversation to reopen',
    );
    expect(row.slaStartedAt!.getTime()).toBeGreaterThan(startedBefore.getTime());
    expect(row.firstRespondedAt).toBeNull();
    expect(seconds(row.slaStartedAt, row.firstResponseDueAt)).toBe(600);
  });

  it('a breach shows as breached and notifies the agent once; warnings come first', async () => {
    const workspace = await routingWorkspace(app, ['Tia']);
    const [tia] = workspace.agents;
    await teamWithRule(app, workspace, { name: 'Support' }, [{ agent: tia! }]);
    await setStatus(app, tia!, 'online');
    await app.http.post(
      '/api/sla-policies',
      { priority: 'none', firstResponseSeconds: 6 },
      { token: workspace.owner.token },
    );
    const id = await customerWrites(app, workspace.channel, waId());
    expect(await assigneeOf(app, id)).toBe(tia!.userId);
    const row = await app.prisma.conversation.findUniqueOrThrow({ where: { id } });
    expect(slaOf(row, new Date(row.slaStartedAt!.getTime() + 5_000))).toMatchObject({ state: 'warning' });

    const notice = await eventually(
      async () => {
        const list = await app.http.get('/api/notifications', { token: tia!.token });
        return list.body.items.find((n: { kind: string }) => n.kind === 'sla.breached');
      },
      'the breach notification',
      30_000,
    );
    expect(notice).toMatchObject({ title: 'First response overdue', link: `/inbox/${id}` });
    // The inbox list shows it, and filters on it.
    const breached = await app.http.get('/api/conversations?sla=breached', { token: tia!.token });
    expect(breached.body.items.map((item: { id: string }) => item.id)).toEqual([id]);
    expect(breached.body.items[0].sla).toMatchObject({ state: 'breached', resolutionDueAt: null });
    const warning = await app.http.get('/api/conversations?sla=warning', { token: tia!.token });
    expect(warning.body.items).toEqual([]);
    // Later sweeps do not repeat it.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const all = await app.prisma.notification.count({ where: { userId: tia!.userId, kind: 'sla.breached' } });
    expect(all).toBe(1);
  });

  it('checks policies: one per priority, targets in range, named fields on bad input, managers only', async () => {
    const workspace = await routingWorkspace(app, ['Uma']);
    const token = workspace.owner.token;
    const bad = await app.http.post('/api/sla-policies', { priority: 'soon', firstResponseSeconds: 60 }, { token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('priority');
    const tooShort = await app.http.post('/api/sla-policies', { priority: 'low', firstResponseSeconds: 1 }, { token });
    expect(tooShort.body.error.details.fields[0].field).toBe('firstResponseSeconds');
    const first = await app.http.post('/api/sla-policies', { priority: 'low', resolutionSeconds: 3600 }, { token });
    expect(first.status).toBe(201);
    const again = await app.http.post('/api/sla-policies', { priority: 'low', resolutionSeconds: 60 }, { token });
    expect(again.status).toBe(409);
    const denied = await app.http.post(
      '/api/sla-policies',
      { priority: 'high', resolutionSeconds: 60 },
      { token: workspace.agents[0]!.token },
    );
    expect(denied.status).toBe(403);
    const listed = await app.http.get('/api/sla-policies', { token: workspace.agents[0]!.token });
    expect(listed.body.items).toEqual([expect.objectContaining({ priority: 'low', resolutionSeconds: 3600 })]);
  });
});

async function outbound(conversationId: string, idempotencyKey: string): Promise<void> {
  const conversation = await app.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
  await app.prisma.message.create({
    data: {
      tenantId: conversation.tenantId,
      conversationId,
      channelId: conversation.channelId,
      contactId: conversation.contactId,
      direction: 'outbound',
      type: 'text',
      content: { type: 'text', text: { body: 'A bot speaking' } },
      status: 'queued',
      idempotencyKey,
    },
  });
}
