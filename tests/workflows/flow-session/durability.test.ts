// What makes the interpreter durable: a worker restart while a session waits, continue-as-new
// keeping the whole state, a jump to another flow's published program, and a replay-safe A/B draw.
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { startTestWorker } from '../../support/test-worker.ts';
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

jest.setTimeout(90_000);

let app: TestApp;
let customer: Customer;
let flowId: string;
beforeAll(async () => {
  app = await startTestApp();
  customer = await seedCustomer(app);
  flowId = await createFlowRow(app, customer.tenant.tenantId);
});
afterAll(() => app?.stop());

const question = (next: string | null) => ({
  type: 'ask_question' as const,
  data: { prompt: 'Your name?', saveAs: 'name' },
  next: { answered: next },
});

it('[flows] a session waiting for an answer survives its worker stopping and a new one starting', async () => {
  const first = await startTestWorker(app);
  const prog = program(flowId, {
    ask: question('thanks'),
    thanks: { type: 'send_text', data: { text: 'Thanks {{vars.name}}' } },
  });
  const { sessionId, handle } = await startSession(app, customer, prog, { taskQueue: first.taskQueue });
  await waitingAt(app, handle, 'ask');
  await first.stop();
  await handle.signal('inboundMessage', said('Ana')); // kept by the server while no worker runs
  const second = await startTestWorker(app, first.taskQueue);
  try {
    await expect(handle.result()).resolves.toEqual({ status: 'completed' });
  } finally {
    await second.stop();
  }
  expect(await textsSentBy(app, sessionId)).toEqual(['Your name?', 'Thanks Ana']);
});

it('[flows] continue-as-new keeps cursor, variables, queued messages, seen ids and the step sequence', async () => {
  const prog = program(flowId, {
    a: { type: 'set_variable', data: { assignments: [{ name: 'a', value: '1' }] }, next: { next: 'b' } },
    b: { type: 'set_variable', data: { assignments: [{ name: 'b', value: '{{vars.a}}2' }] }, next: { next: 'ask' } },
    ask: question('again'),
    again: { type: 'ask_question', data: { prompt: 'And your city?', saveAs: 'city' }, next: { answered: 'say' } },
    say: { type: 'send_text', data: { text: '{{vars.a}} {{vars.b}} {{vars.name}} {{vars.city}}' } },
  });
  const { sessionId, handle } = await startSession(app, customer, prog, { maxStepsPerRun: 2 });
  const early = said('Ana'); // before the question: queued, then carried into the next run
  await handle.signal('inboundMessage', early);
  await waitingAt(app, handle, 'again');
  await handle.signal('inboundMessage', early); // a redelivery after continue-as-new: still a duplicate
  await handle.signal('inboundMessage', said('Lisbon'));
  await expect(handle.result()).resolves.toEqual({ status: 'completed' });
  expect(await textsSentBy(app, sessionId)).toEqual(['Your name?', 'And your city?', '1 12 Ana Lisbon']);
  const description = await handle.describe();
  expect(description.runId).not.toBe(handle.firstExecutionRunId);
  const steps = await app.prisma.flowStepEvent.findMany({ where: { sessionId }, orderBy: { seq: 'asc' } });
  expect(steps.map((s) => s.nodeId)).toEqual(['a', 'b', 'ask', 'again', 'say']);
  const keys = (
    await app.prisma.message.findMany({ where: { idempotencyKey: { startsWith: `flow:${sessionId}:` } } })
  ).map((m) => m.idempotencyKey);
  expect(new Set([...keys, ...steps.map((s) => `flow:${sessionId}:${s.seq}`)]).size).toBe(keys.length + steps.length);
});

it('[flows] jump_to_flow continues with the other flow’s published program; an unpublished one fails the session', async () => {
  const tenantId = customer.tenant.tenantId;
  const targetId = await createFlowRow(app, tenantId, 'Target');
  const target = program(targetId, { hello: { type: 'send_text', data: { text: 'In B, {{vars.x}}' } } }, 1);
  const version = await app.prisma.flowVersion.create({
    data: { tenantId, flowId: targetId, version: 1, document: {}, program: target, hash: target.hash },
  });
  await app.prisma.flow.update({ where: { id: targetId }, data: { activeVersionId: version.id, isActive: true } });
  const prog = program(flowId, {
    hi: { type: 'send_text', data: { text: 'In A' }, next: { next: 'go' } },
    go: { type: 'jump_to_flow', data: { flowId: targetId } },
  });
  const { sessionId, handle } = await startSession(app, customer, prog, { variables: { x: 'kept' } });
  await expect(handle.result()).resolves.toEqual({ status: 'completed' });
  expect(await textsSentBy(app, sessionId)).toEqual(['In A', 'In B, kept']);
  const steps = await app.prisma.flowStepEvent.findMany({ where: { sessionId }, orderBy: { seq: 'asc' } });
  expect(steps.map((s) => [s.flowId, s.nodeId])).toEqual([
    [flowId, 'hi'],
    [flowId, 'go'],
    [targetId, 'hello'],
  ]);

  const unpublished = await createFlowRow(app, tenantId, 'Draft only');
  const broken = program(flowId, { go: { type: 'jump_to_flow', data: { flowId: unpublished } } });
  const failing = await startSession(app, customer, broken);
  await expect(failing.handle.result()).rejects.toThrow();
  expect(await app.prisma.flowSession.findUniqueOrThrow({ where: { id: failing.sessionId } })).toMatchObject({
    status: 'failed',
  });
});

it('[flows] flows that jump to each other in a circle are stopped', async () => {
  const tenantId = customer.tenant.tenantId;
  const loopId = await createFlowRow(app, tenantId, 'Loop');
  const loop = program(loopId, { hop: { type: 'jump_to_flow', data: { flowId: loopId } } }, 1);
  const version = await app.prisma.flowVersion.create({
    data: { tenantId, flowId: loopId, version: 1, document: {}, program: loop, hash: loop.hash },
  });
  await app.prisma.flow.update({ where: { id: loopId }, data: { activeVersionId: version.id, isActive: true } });
  const { sessionId, handle } = await startSession(app, customer, loop);
  await expect(handle.result()).rejects.toThrow();
  expect(await app.prisma.flowSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
    status: 'failed',
  });
  expect(await app.prisma.flowStepEvent.count({ where: { sessionId } })).toBe(11); // 10 jumps, then the refused one
});

it('[flows] an A/B split follows its weights over many sessions', async () => {
  const prog = program(flowId, {
    split: {
      type: 'ab_split',
      data: {
        variants: [
          { id: 'a', label: 'A', weight: 1 },
          { id: 'b', label: 'B', weight: 3 },
        ],
      },
      next: { 'variant:a': null, 'variant:b': null },
    },
  });
  const sessions: string[] = [];
  for (let batch = 0; batch < 4; batch++) {
    const started = await Promise.all(Array.from({ length: 50 }, () => startSession(app, customer, prog)));
    await Promise.all(started.map((s) => s.handle.result()));
    sessions.push(...started.map((s) => s.sessionId));
  }
  const outcomes = await app.prisma.flowStepEvent.groupBy({
    by: ['outcome'],
    where: { sessionId: { in: sessions } },
    _count: true,
  });
  const count = (outcome: string) => outcomes.find((o) => o.outcome === outcome)?._count ?? 0;
  expect(count('variant:a') + count('variant:b')).toBe(200);
  // Expected 50 of 200 for A (25 %, one standard deviation ≈ 6): ±25 keeps the test from flaking.
  expect(count('variant:a')).toBeGreaterThanOrEqual(25);
  expect(count('variant:a')).toBeLessThanOrEqual(75);
});
