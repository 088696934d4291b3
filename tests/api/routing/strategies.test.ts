// How routing picks an agent: round-robin in turn, least-loaded by open conversations, only agents
// holding the skills a conversation needs, and VIP customers before others when room frees up.
// Every automatic assignment is in the conversation's assignment log as routing's doing.
import { eventually } from '../../support/eventually.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
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

describe('[routing] strategies', () => {
  it('round-robin gives new conversations to online agents in turn, and logs why', async () => {
    const workspace = await routingWorkspace(app, ['Ana', 'Ben', 'Cy']);
    const [ana, ben, cy] = workspace.agents;
    await teamWithRule(app, workspace, { name: 'Support' }, [{ agent: ana! }, { agent: ben! }, { agent: cy! }]);
    for (const agent of workspace.agents) {
      await setStatus(app, agent, 'online');
    }
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      order.push(await assigneeOf(app, await customerWrites(app, workspace.channel, waId())));
    }
    expect(order).toEqual([ana!.userId, ben!.userId, cy!.userId, ana!.userId]);

    const log = await app.prisma.conversationAssignment.findMany({
      where: { tenantId: workspace.owner.tenantId, toUserId: ana!.userId },
    });
    expect(log[0]).toMatchObject({ kind: 'assigned', byKind: 'rule', reason: 'round-robin (team Support)' });
  });

  it('least-loaded gives the next conversation to the agent with the fewest open ones', async () => {
    const workspace = await routingWorkspace(app, ['Dee', 'Eli']);
    const [dee, eli] = workspace.agents;
    await teamWithRule(app, workspace, { name: 'Sales', assignment: 'least_loaded' }, [
      { agent: dee! },
      { agent: eli! },
    ]);
    await setStatus(app, dee!, 'online');
    // Only Dee is online: she gets two; then Eli comes online and, with none, gets the next two.
    expect(await assigneeOf(app, await customerWrites(app, workspace.channel, waId()))).toBe(dee!.userId);
    expect(await assigneeOf(app, await customerWrites(app, workspace.channel, waId()))).toBe(dee!.userId);
    await setStatus(app, eli!, 'online');
    expect(await assigneeOf(app, await customerWrites(app, workspace.channel, waId()))).toBe(eli!.userId);
    expect(await assigneeOf(app, await customerWrites(app, workspace.channel, waId()))).toBe(eli!.userId);
    // Two each: the turn decides (Dee had hers longest ago).
    expect(await assigneeOf(app, await customerWrites(app, workspace.channel, waId()))).toBe(dee!.userId);
    const reasons = await app.prisma.conversationAssignment.findMany({
      where: { tenantId: workspace.owner.tenantId, byKind: 'rule' },
      select: { reason: true },
    });
    expect(new Set(reasons.map((r) => r.reason))).toEqual(new Set(['least-loaded (team Sales)']));
  });

  it("only agents with the skills a conversation needs get it (team skills and the contact's skill: tags)", async () => {
    const workspace = await routingWorkspace(app, ['Fay', 'Gus']);
    const [fay, gus] = workspace.agents;
    await teamWithRule(app, workspace, { name: 'Billing', requiredSkills: ['Billing'] }, [
      { agent: fay!, skills: ['billing'] },
      { agent: gus!, skills: ['billing', 'spanish'] },
    ]);
    await setStatus(app, fay!, 'online');
    await setStatus(app, gus!, 'online');
    const spanishSpeaker = waId();
    await app.prisma.contact.create({
      data: {
        tenantId: workspace.owner.tenantId,
        waId: spanishSpeaker,
        phone: `+${spanishSpeaker}`,
        tags: ['skill:Spanish'],
      },
    });
    expect(await assigneeOf(app, await customerWrites(app, workspace.channel, spanishSpeaker, 'hola'))).toBe(
      gus!.userId,
    );
    const log = await app.prisma.conversationAssignment.findFirstOrThrow({
      where: { tenantId: workspace.owner.tenantId, toUserId: gus!.userId },
    });
    expect(log.reason).toBe('round-robin (team Billing); skills: billing, spanish');
    // Nobody with the skill online: the conversation waits in the team's queue.
    await setStatus(app, gus!, 'busy');
    const other = waId();
    await app.prisma.contact.create({
      data: { tenantId: workspace.owner.tenantId, waId: other, phone: `+${other}`, tags: ['skill:spanish'] },
    });
    const waiting = await customerWrites(app, workspace.channel, other);
    await expectQueued(waiting);
    await setStatus(app, gus!, 'online');
    expect(await assigneeOf(app, waiting)).toBe(gus!.userId);
  });

  it('VIP customers are served first when an agent becomes available, then the longest waiting', async () => {
    const workspace = await routingWorkspace(app, ['Hal']);
    const [hal] = workspace.agents;
    const teamId = await teamWithRule(app, workspace, { name: 'Front desk' }, [{ agent: hal! }]);
    const first = await customerWrites(app, workspace.channel, waId());
    const second = await customerWrites(app, workspace.channel, waId());
    const vip = waId();
    await app.prisma.contact.create({
      data: { tenantId: workspace.owner.tenantId, waId: vip, phone: `+${vip}`, tags: ['VIP'] },
    });
    const vipConversation = await customerWrites(app, workspace.channel, vip);
    for (const id of [first, second, vipConversation]) {
      await expectQueued(id, teamId);
    }
    const limited = await app.http.patch(
      `/api/agent-statuses/${hal!.userId}`,
      { maxConcurrent: 2 },
      { token: workspace.owner.token },
    );
    expect(limited.status).toBe(200);
    await setStatus(app, hal!, 'online');
    expect(await assigneeOf(app, vipConversation)).toBe(hal!.userId);
    expect(await assigneeOf(app, first)).toBe(hal!.userId);
    const secondNow = await app.prisma.conversation.findUniqueOrThrow({ where: { id: second } });
    expect(secondNow).toMatchObject({ assigneeUserId: null, teamId });
  });
});

/** Routing has looked at it and left it in the team's queue (its log says so), with no agent. */
async function expectQueued(conversationId: string, teamId?: string): Promise<void> {
  const entry = await eventually(
    () =>
      app.prisma.conversationAssignment.findFirst({
        where: { conversationId, byKind: 'rule', reason: { startsWith: 'queued for team' } },
      }),
    `conversation ${conversationId} queued by routing`,
  );
  const row = await app.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
  expect(row.assigneeUserId).toBeNull();
  if (teamId) {
    expect(row.teamId).toBe(teamId);
    expect(entry.toTeamId).toBe(teamId);
  }
}
