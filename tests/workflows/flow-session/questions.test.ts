// Questions, buttons and lists against the real Temporal server: validation with retry prompts,
// matching replies by id or typed title, redelivered messages, timeouts, delays.
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

describe('[flows] questions', () => {
  it('asks again with the retry prompt until an answer fits, ignoring a redelivered message', async () => {
    const prog = program(flowId, {
      ask: {
        type: 'ask_question',
        data: {
          prompt: 'How many, {{contact.name}}?',
          inputType: 'number',
          validation: { min: 10 },
          saveAs: 'count',
          retryPrompt: 'A number of 10 or more, please',
          maxAttempts: 3,
        },
        next: { answered: 'thanks' },
      },
      thanks: { type: 'send_text', data: { text: 'Got {{vars.count}} ({{last_input}})' } },
    });
    const { sessionId, handle } = await startSession(app, customer, prog);
    await waitingAt(app, handle, 'ask');
    const wrong = said('lots');
    await handle.signal('inboundMessage', wrong);
    await handle.signal('inboundMessage', wrong); // Meta redelivered the webhook: not a second answer
    await handle.signal('inboundMessage', said('5'));
    await handle.signal('inboundMessage', said('42'));
    await expect(handle.result()).resolves.toEqual({ status: 'completed' });
    expect(await textsSentBy(app, sessionId)).toEqual([
      'How many, Ana Customer?',
      'A number of 10 or more, please',
      'A number of 10 or more, please',
      'Got 42 (42)',
    ]);
    const session = await app.prisma.flowSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session).toMatchObject({ status: 'completed', currentNodeId: null });
    expect(session.endedAt).not.toBeNull();
    const steps = await app.prisma.flowStepEvent.findMany({ where: { sessionId }, orderBy: { seq: 'asc' } });
    expect(steps.map((s) => [s.nodeId, s.outcome])).toEqual([
      ['ask', 'answered'],
      ['thanks', 'next'],
    ]);
    expect(steps.every((s) => s.exitedAt && s.durationMs !== null)).toBe(true);
  });

  it('leaves by `invalid` after maxAttempts answers that do not fit', async () => {
    const prog = program(flowId, {
      ask: {
        type: 'ask_question',
        data: { prompt: 'Your e-mail?', inputType: 'email', maxAttempts: 2 },
        next: { invalid: 'sorry' },
      },
      sorry: { type: 'send_text', data: { text: 'Never mind' } },
    });
    const { sessionId, handle } = await startSession(app, customer, prog);
    await waitingAt(app, handle, 'ask');
    await handle.signal('inboundMessage', said('no'));
    await handle.signal('inboundMessage', said('still no'));
    await handle.result();
    expect(await textsSentBy(app, sessionId)).toEqual(['Your e-mail?', 'Your e-mail?', 'Never mind']);
  });

  it('takes the timeout branch when nobody answers, and ends timed out where it has no edge', async () => {
    const prog = program(flowId, {
      ask: { type: 'ask_question', data: { prompt: 'Still there?', timeoutSeconds: 1 }, next: { timeout: 'again' } },
      again: { type: 'ask_question', data: { prompt: 'Hello?', timeoutSeconds: 1 } },
    });
    const { sessionId, handle } = await startSession(app, customer, prog);
    await expect(handle.result()).resolves.toEqual({ status: 'timed_out' });
    expect(await textsSentBy(app, sessionId)).toEqual(['Still there?', 'Hello?']);
    expect(await app.prisma.flowSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      status: 'timed_out',
    });
  });

  it('matches a button by the tapped id or by its title typed in any case; a list row by id', async () => {
    const prog = program(flowId, {
      pick: {
        type: 'buttons',
        data: {
          body: 'Pick one',
          buttons: [
            { id: 'yes', title: 'Yes please' },
            { id: 'no', title: 'No' },
          ],
          saveAs: 'choice',
        },
        next: { 'button:yes': 'menu', 'button:no': null },
      },
      menu: {
        type: 'list',
        data: {
          body: 'Which size?',
          sections: [
            {
              title: 'Sizes',
              rows: [
                { id: 's', title: 'Small' },
                { id: 'l', title: 'Large' },
              ],
            },
          ],
        },
        next: { 'row:l': 'done' },
      },
      done: { type: 'send_text', data: { text: '{{vars.choice}}, large' } },
    });
    const { sessionId, handle } = await startSession(app, customer, prog);
    await waitingAt(app, handle, 'pick');
    await handle.signal('inboundMessage', said('  YES   PLEASE '));
    await waitingAt(app, handle, 'menu');
    await handle.signal(
      'inboundMessage',
      said('', { type: 'interactive', text: undefined, replyId: 'l', replyTitle: 'Large' }),
    );
    await handle.result();
    const sent = await textsSentBy(app, sessionId);
    expect(sent).toEqual(['Pick one', 'Which size?', 'Yes please, large']);
  });

  it('waits out a delay on a durable timer', async () => {
    const prog = program(flowId, {
      wait: { type: 'delay', data: { amount: 1, unit: 'seconds' }, next: { next: 'after' } },
      after: { type: 'send_text', data: { text: 'One second later' } },
    });
    const started = Date.now();
    const { sessionId, handle } = await startSession(app, customer, prog);
    await handle.result();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(await textsSentBy(app, sessionId)).toEqual(['One second later']);
  });
});
