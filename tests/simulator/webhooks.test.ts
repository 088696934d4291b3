// [simulator] webhook delivery (contract §1–§3): signatures over the exact bytes, non-ASCII
// escaped as lowercase \uXXXX, retries with backoff, deliberate duplicates, the GET handshake.
import { createHmac } from 'node:crypto';
import { isValidSignature } from '#api/whatsapp/signature';
import { webhookEnvelopeSchema } from '#api/whatsapp/webhook-schemas';
import { NUMBER, startSandbox, type Sandbox } from './support/sandbox.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ webhookAttempts: 4, webhookRetryDelayMs: 20 });
});
afterAll(() => sandbox.stop());
beforeEach(() => {
  sandbox.receiver.clear();
  sandbox.receiver.respondWith(() => 200);
});

function independentSignature(raw: Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
}

it('[simulator] signs every webhook over the exact bytes it sends', async () => {
  const { waId } = await sandbox.customer();
  await sandbox.send({ type: 'text', text: { body: 'hello' } }, waId);
  await sandbox.settle();
  expect(sandbox.receiver.received.length).toBeGreaterThanOrEqual(3);
  for (const webhook of sandbox.receiver.received) {
    const header = String(webhook.headers['x-hub-signature-256']);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(header).toBe(independentSignature(webhook.raw, NUMBER.appSecret));
    expect(isValidSignature(webhook.raw, header, NUMBER.appSecret)).toBe(true);
    expect(isValidSignature(webhook.raw, header, 'another-secret')).toBe(false);
    expect(webhook.headers['content-type']).toBe('application/json');
    expect(webhookEnvelopeSchema.parse(webhook.body)).toBeTruthy();
  }
});

it('[simulator] escapes é and emoji as lowercase \\uXXXX and signs the escaped bytes', async () => {
  const { waId } = await sandbox.customer('Zoë Ångström 😀');
  await sandbox.control('POST', sandbox.customerPath(waId, '/messages'), {
    type: 'text',
    text: { body: 'Café? 😀 ok' },
  });
  await sandbox.settle();
  const webhook = sandbox.receiver.received.find((w) => w.raw.includes('Caf'))!;
  const raw = webhook.raw.toString('latin1');
  expect([...webhook.raw].every((byte) => byte < 0x80)).toBe(true);
  expect(raw).toContain('"body":"Caf\\u00e9? \\ud83d\\ude00 ok"');
  expect(raw).toContain('"name":"Zo\\u00eb \\u00c5ngstr\\u00f6m \\ud83d\\ude00"');
  expect(webhook.body.entry[0].changes[0].value.messages[0].text.body).toBe('Café? 😀 ok');
  const header = String(webhook.headers['x-hub-signature-256']);
  expect(header).toBe(independentSignature(webhook.raw, NUMBER.appSecret));
  expect(isValidSignature(webhook.raw, header, NUMBER.appSecret)).toBe(true);
  // A receiver that hashes the unescaped UTF-8 text (Meta's Node SDK) would not match: the bytes differ.
  const unescaped = Buffer.from(JSON.stringify(webhook.body));
  expect(independentSignature(unescaped, NUMBER.appSecret)).not.toBe(header);
});

it('[simulator] retries a webhook answered with 500 until it gets 200', async () => {
  let failures = 2;
  sandbox.receiver.respondWith(() => (failures-- > 0 ? 500 : 200));
  const { waId } = await sandbox.customer('Retry');
  await sandbox.settle();
  const tries = sandbox.receiver.attempts.filter((w) => w.body.entry[0].changes[0].value.contacts?.[0]?.wa_id === waId);
  expect(tries).toHaveLength(3);
  expect(new Set(tries.map((t) => t.raw.toString())).size).toBe(1);
  expect(sandbox.receiver.received.filter((w) => w.raw.equals(tries[0]!.raw))).toHaveLength(1);
});

it('[simulator] gives up after webhookAttempts', async () => {
  sandbox.receiver.respondWith(() => 503);
  await sandbox.control('POST', `/numbers/${NUMBER.phoneNumberId}/customers`, {
    name: 'Nobody listens',
    waId: '4915100000000',
  });
  await sandbox.control('POST', sandbox.customerPath('4915100000000', '/messages'), {
    type: 'text',
    text: { body: 'x' },
  });
  await sandbox.settle();
  expect(sandbox.receiver.attempts).toHaveLength(4);
  expect(sandbox.receiver.received).toHaveLength(0);
});

it('[simulator] delivers some webhooks twice when duplicateRate asks for it', async () => {
  const dupes = await startSandbox({ duplicateRate: 1 });
  try {
    await dupes.customer();
    await dupes.settle();
    const [first, second] = dupes.receiver.received;
    expect(dupes.receiver.received).toHaveLength(2);
    expect(first!.raw.equals(second!.raw)).toBe(true);
    expect(first!.headers['x-hub-signature-256']).toBe(second!.headers['x-hub-signature-256']);
  } finally {
    await dupes.stop();
  }
});

it('[simulator] holds webhooks for a slow receiver to webhookConcurrency POSTs at once, and delivers them all', async () => {
  const queued = await startSandbox({ webhookConcurrency: 3 });
  try {
    queued.receiver.answerAfter(50);
    // Ten customers write at once: ten conversations, each its own line of webhooks.
    await Promise.all(Array.from({ length: 10 }, (_, i) => queued.customer(`Customer ${i}`)));
    await queued.settle();
    expect(queued.receiver.messages()).toHaveLength(10);
    expect(queued.receiver.mostOpenAtOnce()).toBe(3);
  } finally {
    await queued.stop();
  }
});

it('[simulator] verifies a webhook only on 200 with the exact challenge', async () => {
  sandbox.receiver.acceptVerification('my-verify-token');
  expect(await sandbox.simulator.verifyWebhook(NUMBER.phoneNumberId, 'my-verify-token')).toEqual({
    verified: true,
    status: 200,
  });
  expect(await sandbox.simulator.verifyWebhook(NUMBER.phoneNumberId, 'wrong')).toEqual({
    verified: false,
    status: 403,
  });
  sandbox.receiver.acceptVerification('my-verify-token', (challenge) => `${challenge}\n`);
  expect((await sandbox.simulator.verifyWebhook(NUMBER.phoneNumberId, 'my-verify-token')).verified).toBe(false);
  sandbox.receiver.acceptVerification('my-verify-token');
  const viaControl = await sandbox.control('POST', `/numbers/${NUMBER.phoneNumberId}/verify-webhook`, {
    verifyToken: 'my-verify-token',
  });
  expect(viaControl.body).toEqual({ verified: true, status: 200 });
});

it('[simulator] keeps statuses of one message in order for one receiver', async () => {
  const reading = await startSandbox({ autoRead: true, latencyMs: { min: 0, max: 5 } });
  try {
    const { waId } = await reading.customer();
    const ids = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await reading.send({ type: 'text', text: { body: `m${i}` } }, waId)).body.messages[0].id);
    }
    await reading.settle();
    for (const id of ids) {
      expect(
        reading.receiver
          .statuses()
          .filter((s: any) => s.id === id)
          .map((s: any) => s.status),
      ).toEqual(['sent', 'delivered', 'read']);
    }
  } finally {
    await reading.stop();
  }
});
