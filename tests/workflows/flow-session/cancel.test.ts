// How a session ends early: cancelled through the update (waiting, or still starting), refused
// once finished, and failed when its flow was deleted under it.
import { cancelSessionUpdate } from '#workflows/flow-session/messages';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import {
  createFlowRow,
  program,
  said,
  seedCustomer,
  startSession,
  textsSentBy,
  waitingAt,
  type Customer,
} from './harness.ts';

jest.setTimeout(60_000);

let app: TestApp;
let customer: Customer;
let flowId: string;
beforeAll(async () => {
  app = await startTestApp();
  customer = await seedCustomer(app);
  flowId = await createFlowRow(app, customer.tenant.tenantId);
});
afterAll(() => app?.stop());

describe('[flows] ending a session early', () => {
  it('cancels a waiting session through the update, once', async () => {
    const prog = program(flowId, {
      ask: { type: 'ask_question', data: { prompt: 'Your name?' }, next: { answered: 'thanks' } },
      thanks: { type: 'send_text', data: { text: 'Thanks' } },
    });
    const { sessionId, handle } = await startSession(app, customer, prog);
    await waitingAt(app, handle, 'ask');
    const state = await handle.executeUpdate(cancelSessionUpdate, { args: [{ reason: 'test' }] });
    expect(state).toMatchObject({ sessionId, status: 'cancelled', currentNodeId: 'ask' });
    await expect(handle.result()).resolves.toEqual({ status: 'cancelled' });
    expect(await app.prisma.flowSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      status: 'cancelled',
    });
    expect(await textsSentBy(app, sessionId)).toEqual(['Your name?']);
  });

  it('cancels a session that is still starting', async () => {
    const prog = program(flowId, { ask: { type: 'ask_question', data: { prompt: 'Too late?' } } });
    const { sessionId, handle } = await startSession(app, customer, prog);
    await handle.executeUpdate(cancelSessionUpdate, { args: [{}] }); // no waiting: it may not have loaded
    await expect(handle.result()).resolves.toEqual({ status: 'cancelled' });
    expect(await app.prisma.flowSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      status: 'cancelled',
    });
  });

  it('ends a session whose flow was deleted meanwhile instead of retrying forever', async () => {
    const doomed = await createFlowRow(app, customer.tenant.tenantId, 'Doomed');
    const prog = program(doomed, { ask: { type: 'ask_question', data: { prompt: 'Still here?' } } });
    const { handle } = await startSession(app, customer, prog);
    await waitingAt(app, handle, 'ask');
    await app.prisma.flow.delete({ where: { id: doomed } }); // its sessions and step events go with it
    await handle.signal('inboundMessage', said('yes'));
    await expect(handle.result()).rejects.toThrow();
  });

  it('rejects cancelling a session that already finished', async () => {
    const prog = program(flowId, {
      ask: { type: 'ask_question', data: { prompt: 'Ready?' }, next: { answered: 'wait' } },
      wait: { type: 'ask_question', data: { prompt: 'Sure?' } },
    });
    const { handle } = await startSession(app, customer, prog);
    await waitingAt(app, handle, 'ask');
    await handle.executeUpdate(cancelSessionUpdate, { args: [{}] });
    await handle.result();
    await expect(handle.executeUpdate(cancelSessionUpdate, { args: [{}] })).rejects.toThrow();
  });
});
