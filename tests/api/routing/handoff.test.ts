// A flow's handoff node hands the conversation to a team: routing picks the agent at once (the bot
// keeps new conversations until then), or leaves it in the team's queue for whoever comes online.
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { eventually } from '../../support/eventually.ts';
import { createFlow } from '../../support/seed/flow.ts';
import { assigneeOf, customerWrites, routingWorkspace, setStatus, waId } from '../../support/seed/routing.ts';

jest.setTimeout(90_000);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ SANDBOX_URL: 'off', ROUTING_SWEEP_SECONDS: '1' });
});
afterAll(() => app.stop());

function handoffDocument(teamId: string) {
  return {
    schemaVersion: 2,
    name: 'Talk to a person',
    trigger: { type: 'keyword', keywords: [{ value: 'human', match: 'exact' }] },
    variables: [],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      {
        id: 'handoff',
        type: 'handoff',
        position: { x: 0, y: 100 },
        data: { target: { type: 'team', teamId }, message: '', waitHours: 1 },
      },
    ],
    edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'handoff' }],
  };
}

describe('[routing] handoff', () => {
  it("a handoff to a team goes to the team's next agent by its strategy, logged after the flow's entry", async () => {
    const workspace = await routingWorkspace(app, ['Xan', 'Yul']);
    const [xan, yul] = workspace.agents;
    const token = workspace.owner.token;
    const team = await app.http.post('/api/teams', { name: 'Humans', assignment: 'least_loaded' }, { token });
    for (const agent of [xan!, yul!]) {
      await app.http.post(`/api/teams/${team.body.id}/members`, { userId: agent.userId }, { token });
    }
    await setStatus(app, yul!, 'online');
    await createFlow(app.http, token, handoffDocument(team.body.id));

    const id = await customerWrites(app, workspace.channel, waId(), 'human');
    expect(await assigneeOf(app, id)).toBe(yul!.userId);
    const log = await app.prisma.conversationAssignment.findMany({
      where: { conversationId: id },
      orderBy: { createdAt: 'asc' },
    });
    expect(log.map((entry) => [entry.byKind, entry.toTeamId, entry.toUserId, entry.reason])).toEqual([
      ['flow', team.body.id, null, 'Hand-off node'],
      ['rule', team.body.id, yul!.userId, 'least-loaded (team Humans)'],
    ]);
  });

  it("with nobody online the handed-off conversation waits in the team's queue until someone comes online", async () => {
    const workspace = await routingWorkspace(app, ['Zed']);
    const [zed] = workspace.agents;
    const token = workspace.owner.token;
    const team = await app.http.post('/api/teams', { name: 'Humans' }, { token });
    await app.http.post(`/api/teams/${team.body.id}/members`, { userId: zed!.userId }, { token });
    await createFlow(app.http, token, handoffDocument(team.body.id));
    const id = await customerWrites(app, workspace.channel, waId(), 'human');
    await eventually(
      () => app.prisma.conversation.findFirst({ where: { id, teamId: team.body.id, assigneeUserId: null } }),
      'the conversation in the team queue',
    );
    await setStatus(app, zed!, 'online');
    expect(await assigneeOf(app, id)).toBe(zed!.userId);
  });
});
