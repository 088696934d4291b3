// The SSRF guard with nothing private allowed (production's default): tenant-chosen URLs may not
// reach the server's own network, whether typed as an address or as a name that resolves to one,
// at subscription time, at delivery time, in the flow builder's test request and in a flow's
// HTTP and webhook nodes. The receiver on 127.0.0.1 must never be reached.
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityDeps } from '#activities/deps';
import { createCallWebhookActivity } from '#activities/flows/call-webhook';
import { createHttpRequestActivity } from '#activities/flows/http-request';
import { emitEvent } from '#api/events/emit-event';
import { eventually } from '../../support/eventually.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { startReceiver, type Receiver } from '../../workflows/webhook-delivery/receiver.ts';

jest.setTimeout(120_000);

let app: TestApp;
let owner: SeededTenant;
let receiver: Receiver;
let localhostUrl: string;

beforeAll(async () => {
  app = await startTestApp({ OUTBOUND_HTTP_ALLOW_PRIVATE: 'none' });
  owner = await signUpTenant(app.http);
  receiver = await startReceiver();
  localhostUrl = receiver.url('/internal').replace('127.0.0.1', 'localhost');
});
afterAll(async () => {
  await receiver.close();
  await app.stop();
});

describe('[webhooks] SSRF guard when nothing private is allowed', () => {
  it('refuses a loopback address or a name resolving to one at create time, naming url', async () => {
    for (const url of [receiver.url('/internal'), localhostUrl]) {
      const response = await app.http.post(
        '/api/webhook-subscriptions',
        { name: 'Internal', url, eventTypes: ['contact.created'] },
        { token: owner.token },
      );
      expect(response.status).toBe(400);
      expect(response.body.error.details.fields[0].field).toBe('url');
    }
  });

  it('refuses at delivery time a subscription whose host resolves to a private address: dead at once, nothing sent', async () => {
    // As if the name had resolved to a public address when it was saved (DNS rebinding).
    const subscription = await app.prisma.webhookSubscription.create({
      data: {
        tenantId: owner.tenantId,
        name: 'Rebound',
        url: localhostUrl,
        secret: app.deps.secretBox.encrypt('whsec_test'),
        eventTypes: ['contact.created'],
      },
    });
    await emitEvent(app.deps, owner.tenantId, 'contact.created', {
      contact: { id: randomUUID(), phone: '+14155550100', name: null },
    });
    const delivery = await eventually(
      () =>
        app.prisma.webhookDelivery.findFirst({
          where: { subscriptionId: subscription.id, status: 'dead' },
          include: { attempts: true },
        }),
      'the delivery to be refused',
    );
    expect(delivery.attempts).toHaveLength(1);
    expect(delivery.attempts[0]!.error).toMatch(/not allowed: localhost resolves to/);
    expect(delivery.lastError).toMatch(/not allowed/);
    expect(receiver.received).toHaveLength(0);
  });

  it("refuses the flow builder's test request to a private address with a 400 naming url", async () => {
    for (const url of [receiver.url('/internal'), localhostUrl, 'http://169.254.169.254/latest/meta-data']) {
      const response = await app.http.post(
        '/api/flows/test-request',
        { method: 'GET', url, headers: [], body: '', timeoutSeconds: 5, responseMapping: [], variables: {} },
        { token: owner.token },
      );
      expect(response.status).toBe(400);
      expect(response.body.error.details.fields[0].field).toBe('url');
    }
    expect(receiver.received).toHaveLength(0);
  });

  it("fails a flow's HTTP request and webhook nodes to a private address at once (no retries)", async () => {
    const deps = { env: app.deps.env } as ActivityDeps;
    const httpRequest = createHttpRequestActivity(deps);
    const refused = httpRequest({
      method: 'GET',
      url: localhostUrl,
      headers: {},
      body: null,
      timeoutSeconds: 5,
      responseMapping: [],
    });
    await expect(refused).rejects.toBeInstanceOf(ApplicationFailure);
    await expect(refused).rejects.toMatchObject({ type: 'TargetNotAllowed', nonRetryable: true });
    const callWebhook = createCallWebhookActivity(deps);
    const webhook = callWebhook({
      url: receiver.url('/internal'),
      flowId: randomUUID(),
      sessionId: randomUUID(),
      seq: 1,
      contact: {} as never,
      variables: {},
      data: null,
    });
    await expect(webhook).rejects.toMatchObject({ type: 'TargetNotAllowed', nonRetryable: true });
    expect(receiver.received).toHaveLength(0);
  });
});
