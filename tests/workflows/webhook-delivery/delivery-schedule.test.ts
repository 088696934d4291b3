// The webhook delivery workflow end to end on the dev server, against a receiver on 127.0.0.1
// (allowed explicitly for this app): the retry schedule (a dropped connection, a timeout and 5xx
// before a success), the signature and the documented verification snippets on a real delivery,
// 4xx and 410 dead at once, the dead letter replayed, and auto-disable with a notification.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { emitEvent } from '#api/events/emit-event';
import { backoffMs, webhookDeliveryWorkflowId } from '#workflows/webhook-delivery/messages';
import { eventually } from '../../support/eventually.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { startReceiver, type Receiver } from './receiver.ts';

jest.setTimeout(120_000);

let app: TestApp;
let owner: SeededTenant;
let receiver: Receiver;
const EXAMPLES = path.resolve(__dirname, '../../../docs/examples');
const FAST = { initialIntervalMs: 200, backoffCoefficient: 2, maxIntervalMs: 5_000, jitter: 0.1, timeoutMs: 1_000 };

beforeAll(async () => {
  app = await startTestApp({ OUTBOUND_HTTP_ALLOW_PRIVATE: '127.0.0.1', WEBHOOK_DISABLE_AFTER_DEAD: '2' });
  owner = await signUpTenant(app.http);
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await app.stop();
});

async function subscribe(pathName: string, retryPolicy: object, eventTypes = ['contact.tag_added']) {
  const created = await app.http.post(
    '/api/webhook-subscriptions',
    { name: pathName, url: receiver.url(pathName), eventTypes, retryPolicy: { ...FAST, ...retryPolicy } },
    { token: owner.token },
  );
  expect(created.status).toBe(201);
  return created.body as { id: string; secret: string };
}

async function tagAdded(tag: string): Promise<void> {
  const contact = { id: randomUUID(), phone: '+14155550100', name: 'Ada' };
  await emitEvent(app.deps, owner.tenantId, 'contact.tag_added', { contact, tag });
}

async function finished(subscriptionId: string, count = 1) {
  return eventually(async () => {
    const rows = await app.prisma.webhookDelivery.findMany({
      where: { subscriptionId, status: { in: ['succeeded', 'dead'] } },
      include: { attempts: { orderBy: { attempt: 'asc' } } },
      orderBy: { createdAt: 'asc' },
    });
    return rows.length >= count && rows;
  }, `${count} finished deliveries`);
}

function timerWaits(history: { events?: Array<{ timerStartedEventAttributes?: unknown }> | null }): number[] {
  return (history.events ?? []).flatMap((event) => {
    const attrs = event.timerStartedEventAttributes as {
      startToFireTimeout?: { seconds?: unknown; nanos?: number };
    } | null;
    const timeout = attrs?.startToFireTimeout;
    return timeout ? [Number(String(timeout.seconds ?? 0)) * 1000 + (timeout.nanos ?? 0) / 1e6] : [];
  });
}

describe('[webhooks] delivery workflow', () => {
  it('retries a dropped connection, a timeout and 5xx on the policy schedule, then succeeds with one signed event', async () => {
    receiver.on('/flaky', ['drop', 'hang', 500, 503]);
    const { id, secret } = await subscribe('/flaky', { maxAttempts: 6 });
    await tagAdded('vip');
    const [delivery] = await finished(id);
    expect(delivery!.status).toBe('succeeded');
    expect(delivery!.attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(delivery!.attempts.map((a) => a.responseStatus)).toEqual([null, null, 500, 503, 200]);
    expect(delivery!.attempts[1]!.error).toMatch(/timed out after 1000 ms/);
    expect(delivery!.attempts[0]!.error).toBeTruthy();

    // The waits are the policy's: 200, 400, 800, 1600 ms, each within the ±10% jitter, growing.
    const handle = app.deps.temporal.workflow.getHandle(webhookDeliveryWorkflowId(delivery!.id, 0));
    const waits = timerWaits(await handle.fetchHistory());
    expect(waits).toHaveLength(4);
    const policy = { maxAttempts: 6, ...FAST };
    waits.forEach((wait, i) => {
      expect(wait).toBeGreaterThanOrEqual(backoffMs(policy, i + 1, 0));
      expect(wait).toBeLessThanOrEqual(backoffMs(policy, i + 1, 1));
    });
    expect([...waits].sort((a, b) => a - b)).toEqual(waits);

    // Every attempt carried the same event, numbered, signed; the receiver saw them in order.
    const requests = receiver.received.filter((r) => r.path === '/flaky');
    expect(requests).toHaveLength(5);
    expect(new Set(requests.map((r) => r.headers['parley-event-id']))).toEqual(new Set([delivery!.eventId]));
    expect(requests.map((r) => r.headers['parley-delivery-attempt'])).toEqual(['1', '2', '3', '4', '5']);
    for (let i = 1; i < requests.length; i += 1) {
      expect(requests[i]!.at - requests[i - 1]!.at).toBeGreaterThanOrEqual(waits[i - 1]! - 5);
    }
    const envelope = JSON.parse(requests[4]!.body);
    expect(envelope).toMatchObject({ id: delivery!.eventId, type: 'contact.tag_added', tenantId: owner.tenantId });
    expect(envelope.data.tag).toBe('vip');
    expect(new Date(envelope.createdAt).toISOString()).toBe(envelope.createdAt);

    // The documented snippets accept the real delivery, and refuse it with another secret.
    const last = requests[4]!;
    const header = String(last.headers['parley-signature']);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const node = (key: string) =>
      spawnSync('node', [path.join(EXAMPLES, 'verify-webhook.mjs'), key, header], {
        input: last.body,
        encoding: 'utf8',
      });
    expect(node(secret).stdout.trim()).toBe('valid');
    expect(node('whsec_wrong').stdout.trim()).toBe('invalid');
    const python = spawnSync('python3', ['--version']);
    if (python.error) {
      console.warn('python3 is not installed: the Python verification snippet was not run');
    } else {
      const run = (key: string) =>
        execFileSync('python3', [path.join(EXAMPLES, 'verify_webhook.py'), key, header], { input: last.body })
          .toString()
          .trim();
      expect(run(secret)).toBe('valid');
      expect(() => run('whsec_wrong')).toThrow();
    }
  });

  it('stops at once on a 4xx other than 408/429, and on 410 Gone', async () => {
    receiver.on('/rejects', [], 400);
    receiver.on('/gone', [], 410);
    const rejects = await subscribe('/rejects', { maxAttempts: 5 });
    const gone = await subscribe('/gone', { maxAttempts: 5 });
    await tagAdded('once');
    for (const { id } of [rejects, gone]) {
      const [delivery] = await finished(id);
      expect(delivery!.status).toBe('dead');
      expect(delivery!.attempts).toHaveLength(1);
    }
    await app.http.delete(`/api/webhook-subscriptions/${rejects.id}`, { token: owner.token });
    await app.http.delete(`/api/webhook-subscriptions/${gone.id}`, { token: owner.token });
  });

  it('sends one event to three subscribers in one run, each on its own schedule', async () => {
    receiver.on('/fan-a', []);
    receiver.on('/fan-b', [503, 500]);
    receiver.on('/fan-c', [], 404);
    const subscriptions = await Promise.all(
      ['/fan-a', '/fan-b', '/fan-c'].map((p) => subscribe(p, { maxAttempts: 4 }, ['contact.created'])),
    );
    await emitEvent(app.deps, owner.tenantId, 'contact.created', {
      contact: { id: randomUUID(), phone: '+14155550150', name: 'Fan' },
    });
    const [a, b, c] = await Promise.all(subscriptions.map(async ({ id }) => (await finished(id))[0]!));
    expect([a!.status, b!.status, c!.status]).toEqual(['succeeded', 'succeeded', 'dead']);
    expect(b!.attempts.map((x) => x.responseStatus)).toEqual([503, 500, 200]);
    expect([a!.attempts.length, c!.attempts.length]).toEqual([1, 1]);
    expect(new Set([a!.eventId, b!.eventId, c!.eventId]).size).toBe(1);

    // One run, named after one of them, carried all three; only b's retries waited.
    const runs = await Promise.all(
      [a!, b!, c!].map((d) =>
        app.deps.temporal.workflow
          .getHandle(webhookDeliveryWorkflowId(d.id, 0))
          .fetchHistory()
          .catch(() => null),
      ),
    );
    const histories = runs.filter((h) => h !== null);
    expect(histories).toHaveLength(1);
    const started = histories[0]!.events![0]!.workflowExecutionStartedEventAttributes!;
    const input = JSON.parse(Buffer.from(started.input!.payloads![0]!.data!).toString()) as {
      deliveries: Array<{ deliveryId: string }>;
    };
    expect(input.deliveries.map((d) => d.deliveryId).sort()).toEqual([a!.id, b!.id, c!.id].sort());
    expect(timerWaits(histories[0]!)).toHaveLength(2);
    await Promise.all(
      subscriptions.map(({ id }) => app.http.delete(`/api/webhook-subscriptions/${id}`, { token: owner.token })),
    );
  });

  it('dead-letters after the last attempt, and a replay delivers the same event once the receiver is fixed', async () => {
    receiver.on('/down', [500, 500]);
    const { id } = await subscribe('/down', { maxAttempts: 2 });
    await tagAdded('dead-letter');
    const [dead] = await finished(id);
    expect(dead!.status).toBe('dead');
    expect(dead!.attempts.map((a) => a.responseStatus)).toEqual([500, 500]);
    expect((await app.prisma.webhookSubscription.findUniqueOrThrow({ where: { id } })).failureStreak).toBe(1);

    const replay = await app.http.post(`/api/webhook-deliveries/${dead!.id}/replay`, undefined, { token: owner.token });
    expect(replay.status).toBe(202);
    const replayed = await eventually(async () => {
      const row = await app.prisma.webhookDelivery.findUniqueOrThrow({
        where: { id: dead!.id },
        include: { attempts: true },
      });
      return row.status === 'succeeded' && row;
    }, 'the replay to succeed');
    expect(replayed.replayCount).toBe(1);
    expect(replayed.attempts.map((a) => a.attempt).sort()).toEqual([1, 2, 3]);
    const seen = receiver.received.filter((r) => r.path === '/down').map((r) => r.headers['parley-event-id']);
    expect(new Set(seen)).toEqual(new Set([dead!.eventId]));
    expect((await app.prisma.webhookSubscription.findUniqueOrThrow({ where: { id } })).failureStreak).toBe(0);
    await app.http.delete(`/api/webhook-subscriptions/${id}`, { token: owner.token });
  });

  it('disables a subscription after WEBHOOK_DISABLE_AFTER_DEAD dead deliveries in a row and notifies its managers', async () => {
    receiver.on('/broken', [], 503);
    const { id } = await subscribe('/broken', { maxAttempts: 1 }, ['contact.created']);
    for (const n of [1, 2]) {
      await emitEvent(app.deps, owner.tenantId, 'contact.created', {
        contact: { id: randomUUID(), phone: `+1415555010${n}`, name: null },
      });
      await finished(id, n);
    }
    const subscription = await eventually(async () => {
      const row = await app.prisma.webhookSubscription.findUniqueOrThrow({ where: { id } });
      return !row.isEnabled && row;
    }, 'the subscription to be disabled');
    expect(subscription.disabledReason).toMatch(/2 deliveries in a row/);
    const notification = await eventually(
      () => app.prisma.notification.findFirst({ where: { tenantId: owner.tenantId, kind: 'webhook.disabled' } }),
      'the disabled notification',
    );
    expect(notification.title).toContain('/broken');

    // Disabled: new events are not delivered to it; enabling again resets the streak.
    await emitEvent(app.deps, owner.tenantId, 'contact.created', {
      contact: { id: randomUUID(), phone: '+14155550109', name: null },
    });
    expect(await app.prisma.webhookDelivery.count({ where: { subscriptionId: id } })).toBe(2);
    const enabled = await app.http.patch(
      `/api/webhook-subscriptions/${id}`,
      { isEnabled: true },
      { token: owner.token },
    );
    expect(enabled.body).toMatchObject({ isEnabled: true, failureStreak: 0, disabledReason: null });
  });
});
