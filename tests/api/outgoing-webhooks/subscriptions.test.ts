// The webhook subscription API on a real app: the secret shown once and stored encrypted, rotate,
// validation errors naming the field, the SSRF guard at create time, webhooks.manage required
// (API keys allowed), the test event through the real delivery workflow, the delivery log, replay
// rules, stats and the audit trail. The receiver on 127.0.0.1 is allowed explicitly for this app.
import { createHmac } from 'node:crypto';
import { eventually } from '../../support/eventually.ts';
import { createApiKey, signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { startReceiver, type Receiver } from '../../workflows/webhook-delivery/receiver.ts';

jest.setTimeout(120_000);

let app: TestApp;
let owner: SeededTenant;
let receiver: Receiver;

beforeAll(async () => {
  app = await startTestApp({ OUTBOUND_HTTP_ALLOW_PRIVATE: '127.0.0.1' });
  owner = await signUpTenant(app.http);
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await app.stop();
});

const base = '/api/webhook-subscriptions';
const input = () => ({ name: 'CRM sync', url: receiver.url('/hook'), eventTypes: ['message.received'] });

function verify(secret: string, header: string, body: string): boolean {
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]+)$/.exec(header) ?? [];
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex') === v1;
}

describe('[webhooks] subscriptions API', () => {
  it('creates with a secret shown once and stored encrypted, lists, reads, updates, rotates and deletes, audited', async () => {
    const token = owner.token;
    const created = await app.http.post(base, input(), { token });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    expect(created.body.retryPolicy).toMatchObject({ maxAttempts: 8, initialIntervalMs: 10_000 });
    const id = created.body.id;
    const stored = await app.prisma.webhookSubscription.findUniqueOrThrow({ where: { id } });
    expect(stored.secret).not.toContain(created.body.secret);
    expect(app.deps.secretBox.decrypt(stored.secret)).toBe(created.body.secret);

    const one = await app.http.get(`${base}/${id}`, { token });
    expect(one.status).toBe(200);
    expect(one.body.secret).toBeUndefined();
    expect((await app.http.get(base, { token })).body.items.map((s: { id: string }) => s.id)).toContain(id);

    const updated = await app.http.patch(`${base}/${id}`, { retryPolicy: { maxAttempts: 3 }, name: 'CRM' }, { token });
    expect(updated.body).toMatchObject({ name: 'CRM', retryPolicy: { maxAttempts: 3, initialIntervalMs: 10_000 } });
    const disabled = await app.http.patch(`${base}/${id}`, { isEnabled: false }, { token });
    expect(disabled.body).toMatchObject({ isEnabled: false, disabledReason: 'Disabled by a member' });
    const test = await app.http.post(`${base}/${id}/test`, undefined, { token });
    expect(test.status).toBe(409);
    expect(test.body.error.details.fields[0].field).toBe('isEnabled');

    const rotated = await app.http.post(`${base}/${id}/rotate-secret`, undefined, { token });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(created.body.secret);

    expect((await app.http.delete(`${base}/${id}`, { token })).status).toBe(204);
    expect((await app.http.get(`${base}/${id}`, { token })).status).toBe(404);
    const actions = await app.prisma.auditLog.findMany({ where: { targetId: id }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual([
      'webhook_subscription.created',
      'webhook_subscription.deleted',
      'webhook_subscription.secret_rotated',
      'webhook_subscription.updated',
      'webhook_subscription.updated',
    ]);
  });

  it.each([
    [{ url: 'ftp://example.com/hook' }, 'url'],
    [{ url: 'not a url' }, 'url'],
    [{ eventTypes: ['message.sent_to_mars'] }, 'eventTypes.0'],
    [{ eventTypes: ['webhook.test'] }, 'eventTypes.0'],
    [{ eventTypes: [] }, 'eventTypes'],
    [{ name: '' }, 'name'],
    [{ retryPolicy: { maxAttempts: 0 } }, 'retryPolicy.maxAttempts'],
    [{ retryPolicy: { timeoutMs: 120_000 } }, 'retryPolicy.timeoutMs'],
  ])('refuses %j with a 400 naming %s', async (patch, field) => {
    const response = await app.http.post(base, { ...input(), ...patch }, { token: owner.token });
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it.each(['http://10.0.0.8/hook', 'http://169.254.169.254/latest', 'http://[::1]:8080/', 'http://192.168.0.10/'])(
    'refuses a private target %s at create time with a 400 naming url',
    async (url) => {
      const response = await app.http.post(base, { ...input(), url }, { token: owner.token });
      expect(response.status).toBe(400);
      expect(response.body.error.details.fields[0]).toMatchObject({ field: 'url' });
      expect(response.body.error.message).toMatch(/not allowed/);
    },
  );

  it('requires webhooks.manage: an Agent key gets 403, an Admin key may manage', async () => {
    const agentKey = await createApiKey(app.http, owner.token, 'Agent');
    expect((await app.http.get(base, { token: agentKey })).status).toBe(403);
    expect((await app.http.post(base, input(), { token: agentKey })).status).toBe(403);
    const adminKey = await createApiKey(app.http, owner.token, 'Admin');
    const created = await app.http.post(base, input(), { token: adminKey });
    expect(created.status).toBe(201);
    await app.http.delete(`${base}/${created.body.id}`, { token: adminKey });
  });

  it('sends a signed test event through the delivery workflow; the log, filters, pages, replay and stats show it', async () => {
    const token = owner.token;
    const created = await app.http.post(base, { ...input(), url: receiver.url('/test-event') }, { token });
    const id = created.body.id;
    const first = await app.http.post(`${base}/${id}/test`, undefined, { token });
    expect(first.status).toBe(202);
    const { deliveryId } = first.body;
    const detail = await eventually(async () => {
      const response = await app.http.get(`/api/webhook-deliveries/${deliveryId}`, { token });
      return response.body.status === 'succeeded' && response.body;
    }, 'the test delivery to succeed');
    expect(detail.eventType).toBe('webhook.test');
    expect(detail.payload).toMatchObject({ type: 'webhook.test', data: { subscriptionId: id } });
    expect(detail.attempts).toHaveLength(1);
    expect(detail.attempts[0]).toMatchObject({ attempt: 1, responseStatus: 200, responseBodyExcerpt: 'answer 200' });
    expect(detail.attempts[0].requestHeaders['parley-event-type']).toBe('webhook.test');
    const received = receiver.received.find((r) => r.path === '/test-event')!;
    expect(verify(created.body.secret, String(received.headers['parley-signature']), received.body)).toBe(true);

    const replay = await app.http.post(`/api/webhook-deliveries/${deliveryId}/replay`, undefined, { token });
    expect(replay.status).toBe(202);
    await eventually(async () => {
      const row = await app.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
      return row.status === 'succeeded' && row.attemptCount === 2;
    }, 'the replay to succeed');
    const second = await app.http.post(`${base}/${id}/test`, undefined, { token });
    await eventually(async () => {
      const row = await app.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: second.body.deliveryId } });
      return row.status === 'succeeded';
    }, 'the second test to succeed');

    const page1 = await app.http.get(`${base}/${id}/deliveries?limit=1&status=succeeded`, { token });
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.items[0].id).toBe(second.body.deliveryId);
    const page2 = await app.http.get(
      `${base}/${id}/deliveries?limit=1&status=succeeded&cursor=${page1.body.nextCursor}`,
      {
        token,
      },
    );
    expect(page2.body.items.map((d: { id: string }) => d.id)).toEqual([deliveryId]);
    expect(page2.body.nextCursor).toBeNull();
    expect((await app.http.get(`${base}/${id}/deliveries?status=dead`, { token })).body.items).toEqual([]);
    expect((await app.http.get(`${base}/${id}/deliveries?status=lost`, { token })).status).toBe(400);

    const stats = await app.http.get(`${base}/${id}/stats`, { token });
    expect(stats.body.last24h).toMatchObject({ total: 2, successRate: 1, byStatus: { succeeded: 2, dead: 0 } });
    expect(stats.body.last24h.averageLatencyMs).toEqual(expect.any(Number));
    expect(stats.body.last7d.total).toBe(2);
  });

  it('refuses to replay a delivery still in progress (409 naming status)', async () => {
    const created = await app.http.post(base, input(), { token: owner.token });
    const event = await app.prisma.tenantEvent.create({
      data: { tenantId: owner.tenantId, type: 'message.received', payload: {} },
    });
    const delivery = await app.prisma.webhookDelivery.create({
      data: { tenantId: owner.tenantId, subscriptionId: created.body.id, eventId: event.id, status: 'delivering' },
    });
    const replay = await app.http.post(`/api/webhook-deliveries/${delivery.id}/replay`, undefined, {
      token: owner.token,
    });
    expect(replay.status).toBe(409);
    expect(replay.body.error.details.fields[0].field).toBe('status');
  });
});
