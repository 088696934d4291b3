// [simulator] throughput (130429) and pair rate (131056) limits, on small configured numbers and
// an injected clock so refills are deterministic.
import { fakeClock, NUMBER, startSandbox, type Sandbox } from './support/sandbox.ts';

const clock = fakeClock();
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ now: clock.now, throughputPerSecond: 3, pairRate: { intervalMs: 6000, burst: 2 } });
});
afterAll(() => sandbox.stop());

const text = { type: 'text', text: { body: 'hello' } };

it('[simulator] answers 130429 beyond the per-number throughput, and recovers a second later', async () => {
  const customers = await Promise.all(['A', 'B', 'C', 'D'].map((name) => sandbox.customer(name)));
  const replies = [];
  for (const customer of customers) {
    replies.push(await sandbox.send(text, customer.waId));
  }
  expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 400]);
  expect(replies[3]!.body.error).toMatchObject({
    code: 130429,
    message: '(#130429) Rate limit hit',
    error_data: { messaging_product: 'whatsapp', details: 'Cloud API message throughput has been reached.' },
  });
  clock.advance(1000);
  expect((await sandbox.send(text, customers[3]!.waId)).status).toBe(200);
});

it('[simulator] answers 131056 beyond the pair rate for one recipient only', async () => {
  clock.advance(10_000);
  const [first, second] = [await sandbox.customer('E'), await sandbox.customer('F')];
  const statuses = [];
  for (let i = 0; i < 3; i++) {
    statuses.push((await sandbox.send(text, first.waId)).status);
    clock.advance(1000); // stay under the throughput limit: only the pair limit may bite
  }
  expect(statuses).toEqual([200, 200, 400]);
  const limited = await sandbox.send(text, first.waId);
  expect(limited.body.error).toMatchObject({ code: 131056, message: expect.stringContaining('pair rate limit hit') });
  expect((await sandbox.send(text, second.waId)).status).toBe(200);
  clock.advance(6000);
  expect((await sandbox.send(text, first.waId)).status).toBe(200);
});

it('[simulator] takes a per-number throughput from registration', async () => {
  clock.advance(10_000);
  sandbox.simulator.registerPhoneNumber({ ...NUMBER, throughputPerSecond: 1, webhookUrl: sandbox.receiver.url });
  const [a, b] = [await sandbox.customer('G'), await sandbox.customer('H')];
  expect((await sandbox.send(text, a.waId)).status).toBe(200);
  expect((await sandbox.send(text, b.waId)).body.error.code).toBe(130429);
});
