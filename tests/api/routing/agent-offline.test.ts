// A member whose web app stops sending heartbeats (closed tab, lost network) goes offline, and
// their open conversations move to a colleague who is still there. Offline here is after 3 s.
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
  app = await startTestApp({ SANDBOX_URL: 'off', ROUTING_SWEEP_SECONDS: '1', AGENT_OFFLINE_AFTER_SECONDS: '3' });
});
afterAll(() => app.stop());

describe('[routing] offline agents', () => {
  it('an agent whose app went quiet goes offline and their conversation moves to the one still connected', async () => {
    const workspace = await routingWorkspace(app, ['Rae', 'Sam']);
    const [rae, sam] = workspace.agents;
    await teamWithRule(app, workspace, { name: 'Support' }, [{ agent: rae! }, { agent: sam! }]);
    const stopSam = keepAlive(app, sam!, true);
    try {
      await setStatus(app, rae!, 'online');
      const conversation = await customerWrites(app, workspace.channel, waId());
      expect(await assigneeOf(app, conversation)).toBe(rae!.userId);
      await setStatus(app, sam!, 'online');
      // Rae's tab closes: no more heartbeats from her.
      await eventually(
        async () => (await statusOf(app, workspace.owner.token, rae!.userId)) === 'offline',
        'Rae to go offline',
        30_000,
      );
      await waitForAssignee(app, conversation, sam!);
      const log = await app.prisma.conversationAssignment.findFirstOrThrow({
        where: { conversationId: conversation, kind: 'unassigned' },
      });
      expect(log).toMatchObject({ byKind: 'rule', fromUserId: rae!.userId, reason: 'Member Agent went offline' });
      // Back in the app: an automatic offline comes back online; a status she chose survives activity.
      expect(await heartbeat(app, rae!, true)).toMatchObject({ status: 'online', isAuto: true });
      await setStatus(app, rae!, 'busy');
      expect(await heartbeat(app, rae!, true)).toMatchObject({ status: 'busy', isAuto: false });
    } finally {
      stopSam();
    }
  });
});
