// [simulator] accepted messages that fail later (contract §5, §11): 131047 outside the 24 h window
// (via the window hook and the injected clock), 131026 for unreachable numbers, failureRate.
import { fakeClock, startSandbox, type Sandbox } from './support/sandbox.ts';

const clock = fakeClock();
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ now: clock.now, unreachableNumbers: ['19990000000'] });
});
afterAll(() => sandbox.stop());

const statusesOf = (id: string) => sandbox.receiver.statuses().filter((s: any) => s.id === id);

it('[simulator] accepts a free-form message outside the 24 h window, then fails it with 131047', async () => {
  const { waId } = await sandbox.customer('Quiet Customer');
  const closed = await sandbox.control('POST', sandbox.customerPath(waId, '/window'), {});
  expect(closed.body.windowOpen).toBe(false);
  const reply = await sandbox.send({ type: 'text', text: { body: 'Are you there?' } }, waId);
  expect(reply.status).toBe(200);
  const template = await sandbox.send(
    { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
    waId,
  );
  await sandbox.settle();
  const [failed] = statusesOf(reply.body.messages[0].id);
  expect(statusesOf(reply.body.messages[0].id)).toHaveLength(1);
  expect(failed).toEqual({
    id: reply.body.messages[0].id,
    status: 'failed',
    timestamp: expect.any(String),
    recipient_id: waId,
    errors: [
      {
        code: 131047,
        title: 'Re-engagement message',
        message: 'Re-engagement message',
        error_data: { details: expect.stringContaining('24 hours') },
        href: expect.stringContaining('error-codes'),
      },
    ],
  });
  // Templates are what may be sent outside the window; they are regular (billable) there.
  expect(statusesOf(template.body.messages[0].id)[0]).toMatchObject({
    status: 'sent',
    pricing: { type: 'regular', category: 'utility' },
  });
  clock.advance(25 * 3600_000);
});

it('[simulator] closes the window 24 h after the last inbound message on the injected clock', async () => {
  const { waId } = await sandbox.customer('Time Traveller');
  clock.advance(24 * 3600_000 - 1000);
  const inside = await sandbox.send({ type: 'text', text: { body: 'still inside' } }, waId);
  clock.advance(2000);
  const outside = await sandbox.send({ type: 'text', text: { body: 'too late' } }, waId);
  await sandbox.settle();
  expect(statusesOf(inside.body.messages[0].id)[0].status).toBe('sent');
  expect(statusesOf(outside.body.messages[0].id)[0]).toMatchObject({ status: 'failed', errors: [{ code: 131047 }] });
});

it('[simulator] fails unreachable recipients with 131026', async () => {
  const reply = await sandbox.send(
    { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
    '+19990000000',
  );
  expect(reply.status).toBe(200);
  await sandbox.settle();
  expect(statusesOf(reply.body.messages[0].id)).toEqual([
    expect.objectContaining({ status: 'failed', errors: [expect.objectContaining({ code: 131026 })] }),
  ]);
  expect(statusesOf(reply.body.messages[0].id)[0].pricing).toBeUndefined();
});

it('[simulator] failureRate fails messages with 131026 or 131000; autoRead reads the rest', async () => {
  const failing = await startSandbox({ now: clock.now, failureRate: 1 });
  const reading = await startSandbox({ now: clock.now, autoRead: true });
  try {
    const a = await failing.customer();
    const ids = [];
    for (let i = 0; i < 4; i++) {
      ids.push((await failing.send({ type: 'text', text: { body: `n${i}` } }, a.waId)).body.messages[0].id);
    }
    await failing.settle();
    const codes = failing.receiver.statuses().map((s: any) => [s.status, s.errors?.[0]?.code]);
    expect(codes).toHaveLength(4);
    codes.forEach(([status, code]: any[]) => {
      expect(status).toBe('failed');
      expect([131026, 131000]).toContain(code);
    });
    const b = await reading.customer();
    const id = (await reading.send({ type: 'text', text: { body: 'auto' } }, b.waId)).body.messages[0].id;
    await reading.settle();
    expect(
      reading.receiver
        .statuses()
        .filter((s: any) => s.id === id)
        .map((s: any) => s.status),
    ).toEqual(['sent', 'delivered', 'read']);
  } finally {
    await failing.stop();
    await reading.stop();
  }
});
