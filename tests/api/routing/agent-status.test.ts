// Agent availability: only online agents get conversations; one who goes away or offline (by
// choice, inactivity or a closed app) hands theirs to colleagues or back to the team queue, and
// the queue goes to whoever comes online. Status changes are visible to the whole workspace.
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { eventually } from '../../support/eventually.ts';
import {
  assigneeOf,
  customerWrites,
  heartbeat,
  keepAlive,
  routingWorkspace,
  setStatus,
  statusOf,
  teamWithRule,
  waitForAssignee,
  waId,
} from '../../support/seed/routing.ts';

// Several webhook round trips and sweeps per test, on a shared machine.
jest.setTimeout(90_000);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ SANDBOX_URL: 'off', ROUTING_SWEEP_SECONDS: '1' });
});
afterAll(() => app.stop());

describe('[routing] agent status', () => {
  it('an agent going away hands their open conversations to an online colleague, logged with why', async () => {
    const workspace = await routingWorkspace(app, ['Kim', 'Lou']);
    const [kim, lou] = workspace.agents;
    await teamWithRule(app, workspace, { name: 'Support' }, [{ agent: kim! }, { agent: lou! }]);
    await setStatus(app, kim!, 'online');
    const conversation = await customerWrites(app, workspace.channel, waId());
    expect(await assigneeOf(app, conversation)).toBe(kim!.userId);
    await setStatus(app, lou!, 'online');

    await setStatus(app, kim!, 'away');
    expect(await assigneeOf(app, conversation)).toBe(lou!.userId);
    const log = await app.prisma.conversationAssignment.findMany({
      where: { conversationId: conversation },
      orderBy: { createdAt: 'asc' },
    });
    expect(log.map((entry) => [entry.kind, entry.byKind, entry.reason])).toEqual([
      ['assigned', 'rule', 'round-robin (team Support)'],
      ['unassigned', 'rule', 'Member Agent went away'],
      ['assigned', 'rule', 'round-robin (team Support)'],
    ]);
    // Everyone's inbox hears it live.
    const live = await liveEvents(workspace.owner.tenantId, 'agent.status_changed');
    expect(live).toContainEqual({ userId: kim!.userId, status: 'away' });
    expect(live).toContainEqual({ userId: lou!.userId, status: 'online' });
    const statuses = await app.http.get('/api/agent-statuses', { token: lou!.token });
    const byUser = new Map(statuses.body.items.map((item: { userId: string }) => [item.userId, item]));
    expect(byUser.get(kim!.userId)).toMatchObject({ status: 'away', isAuto: false, openConversations: 0 });
    expect(byUser.get(lou!.userId)).toMatchObject({ status: 'online', openConversations: 1 });
  });

  it('with nobody available a conversation waits in the team queue; it goes to the first agent to come online', async () => {
    const workspace = await routingWorkspace(app, ['Max']);
    const [max] = workspace.agents;
    const teamId = await teamWithRule(app, workspace, { name: 'Night' }, [{ agent: max! }]);
    await setStatus(app, max!, 'online');
    const conversation = await customerWrites(app, workspace.channel, waId());
    expect(await assigneeOf(app, conversation)).toBe(max!.userId);
    await setStatus(app, max!, 'offline');
    const back = await app.prisma.conversation.findUniqueOrThrow({ where: { id: conversation } });
    expect(back).toMatchObject({ assigneeUserId: null, teamId });
    const later = await customerWrites(app, workspace.channel, waId());
    await eventually(
      () => app.prisma.conversation.findFirst({ where: { id: later, teamId } }),
      'the new conversation to join the team queue',
    );
    await setStatus(app, max!, 'online');
    expect(await assigneeOf(app, conversation)).toBe(max!.userId);
    expect(await assigneeOf(app, later)).toBe(max!.userId);
  });

  it('an agent inactive longer than the workspace allows becomes away and their conversations move', async () => {
    const workspace = await routingWorkspace(app, ['Ned', 'Oli']);
    const [ned, oli] = workspace.agents;
    await teamWithRule(app, workspace, { name: 'Support' }, [{ agent: ned! }, { agent: oli! }]);
    const settings = await app.http.patch(
      '/api/routing/settings',
      { autoAwaySeconds: 5 },
      { token: workspace.owner.token },
    );
    expect(settings.status).toBe(200);
    await setStatus(app, ned!, 'online');
    const conversation = await customerWrites(app, workspace.channel, waId());
    expect(await assigneeOf(app, conversation)).toBe(ned!.userId);
    // Oli keeps using the app; Ned's app stays open but idle.
    await heartbeat(app, oli!, true);
    const stopOli = keepAlive(app, oli!, true);
    const stopNed = keepAlive(app, ned!, false);
    try {
      await eventually(
        async () => (await statusOf(app, workspace.owner.token, ned!.userId)) === 'away',
        'Ned to become away',
        30_000,
      );
      await waitForAssignee(app, conversation, oli!);
      // Ned comes back: activity brings an automatic away back online.
      const back = await heartbeat(app, ned!, true);
      expect(back).toMatchObject({ status: 'online', isAuto: true });
    } finally {
      stopOli();
      stopNed();
    }
  });

  it('checks its input and who may change what', async () => {
    const workspace = await routingWorkspace(app, ['Quinn']);
    const [quinn] = workspace.agents;
    const bad = await app.http.put('/api/agent-statuses/me', { status: 'asleep' }, { token: quinn!.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('status');
    const capacity = await app.http.patch(
      `/api/agent-statuses/${quinn!.userId}`,
      { maxConcurrent: 0 },
      { token: workspace.owner.token },
    );
    expect(capacity.status).toBe(400);
    expect(capacity.body.error.details.fields[0].field).toBe('maxConcurrent');
    const denied = await app.http.patch(
      `/api/agent-statuses/${quinn!.userId}`,
      { maxConcurrent: 9 },
      { token: quinn!.token },
    );
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('teams.manage');
  });
});

/** The workspace's live events of one kind so far, as a client resuming from the start would get them. */
async function liveEvents(tenantId: string, name: string): Promise<unknown[]> {
  const now = await app.deps.realtime.resume(tenantId, { epoch: null, seq: null });
  if (now.status === 'error') {
    throw new Error(now.message);
  }
  const all = await app.deps.realtime.resume(tenantId, { epoch: now.epoch, seq: 0 });
  return all.status === 'replay' ? all.events.filter((e) => e.event === name).map((e) => e.payload) : [];
}
