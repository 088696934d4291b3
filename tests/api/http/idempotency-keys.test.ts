// Idempotency-Key on tenant POSTs: replayed to the same caller, refused when reused for another
// request or while the first is running, released after a server error, forgotten after 24 h.
import type { Server } from 'node:http';
import express from 'express';
import { z } from 'zod';
import { tenantRoute } from '#api/http/define-route';
import { createErrorHandler } from '#api/http/error-handler';
import { sweepApiRecords } from '#api/http/api-housekeeping';
import { registerRoutes } from '#api/http/register-routes';
import { AppError } from '#api/errors';
import { listen, closeServer } from '#api/serve';
import { eventually } from '../../support/eventually.ts';
import { createHttpClient, type HttpClient } from '../../support/http-client.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { createApiKey, signUpTenant } from '../../support/seed/tenant.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const contact = { phone: '+14155550123', name: 'Ana Lima' };
const withKey = (token: string, key: string) => ({ token, headers: { 'Idempotency-Key': key } });

describe('[api] Idempotency-Key', () => {
  it('replays the first response to a retry: same contact, one row, marked as replayed', async () => {
    const owner = await signUpTenant(app.http);
    const first = await app.http.post('/api/contacts', contact, withKey(owner.token, 'create-ana-1'));
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const retry = await app.http.post('/api/contacts', contact, withKey(owner.token, 'create-ana-1'));
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect(await app.prisma.contact.count({ where: { tenantId: owner.tenantId } })).toBe(1);
  });

  it('refuses the same key with another body (422) and stores 4xx answers', async () => {
    const owner = await signUpTenant(app.http);
    await app.http.post('/api/contacts', contact, withKey(owner.token, 'k-1'));
    const reused = await app.http.post('/api/contacts', { ...contact, name: 'Other' }, withKey(owner.token, 'k-1'));
    expect(reused.status).toBe(422);
    expect(reused.body.error.details.fields[0]).toMatchObject({ field: 'Idempotency-Key', in: 'header' });

    const invalid = { phone: '' };
    const refused = await app.http.post('/api/contacts', invalid, withKey(owner.token, 'k-2'));
    expect(refused.status).toBe(400);
    const again = await app.http.post('/api/contacts', invalid, withKey(owner.token, 'k-2'));
    expect(again.status).toBe(400);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(refused.body);
  });

  it('validates the key and scopes it to the caller', async () => {
    const owner = await signUpTenant(app.http);
    const tooLong = await app.http.post('/api/contacts', contact, withKey(owner.token, 'x'.repeat(256)));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.fields[0].field).toBe('Idempotency-Key');

    const apiKey = await createApiKey(app.http, owner.token, 'Admin');
    const byOwner = await app.http.post('/api/contacts', contact, withKey(owner.token, 'shared'));
    const byKey = await app.http.post('/api/contacts', contact, withKey(apiKey, 'shared'));
    // The API key's request ran on its own (the phone is now taken), it was not the owner's replay.
    expect(byOwner.status).toBe(201);
    expect(byKey.status).toBe(409);
    expect(byKey.headers.get('idempotent-replayed')).toBeNull();
  });

  it('forgets a key after 24 h: an expired key runs the request again, and the sweep deletes it', async () => {
    const owner = await signUpTenant(app.http);
    const first = await app.http.post('/api/contacts', contact, withKey(owner.token, 'old'));
    await app.prisma.idempotencyKey.updateMany({
      where: { tenantId: owner.tenantId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(first.status).toBe(201);
    // Run again, not replayed: the phone is now taken.
    const later = await app.http.post('/api/contacts', contact, withKey(owner.token, 'old'));
    expect(later.status).toBe(409);
    expect(later.headers.get('idempotent-replayed')).toBeNull();

    await app.prisma.idempotencyKey.updateMany({
      where: { tenantId: owner.tenantId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await sweepApiRecords(app.deps);
    expect(await app.prisma.idempotencyKey.count({ where: { tenantId: owner.tenantId } })).toBe(0);
  });
});

describe('[api] Idempotency-Key on any tenant POST route', () => {
  let server: Server;
  let http: HttpClient;
  let release: () => void = () => undefined;
  let gate: Promise<void> = Promise.resolve();
  let runs = 0;
  let failNext = false;

  beforeAll(async () => {
    const router = express.Router();
    const route = tenantRoute({
      method: 'post',
      path: '/api/test-orders',
      tag: 'Test',
      summary: 'A route to hold a request in flight or make it fail',
      permission: null,
      body: z.object({ item: z.string() }),
      response: z.object({ run: z.number() }),
      successStatus: 201,
      handler: async () => {
        runs += 1;
        const run = runs;
        await gate;
        if (failNext) {
          failNext = false;
          throw new AppError('UNAVAILABLE', 'the warehouse is down');
        }
        return { run };
      },
    });
    registerRoutes(router, [route], app.deps);
    const testApp = express().use(express.json()).use(router).use(createErrorHandler(app.deps.logger));
    server = await listen(testApp, '127.0.0.1', 0);
    const address = server.address();
    http = createHttpClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  });
  afterAll(() => closeServer(server));

  it('answers 409 to a retry while the first request is still running, then replays it', async () => {
    const owner = await signUpTenant(app.http);
    gate = new Promise((resolve) => (release = resolve));
    const first = http.post('/api/test-orders', { item: 'tea' }, withKey(owner.token, 'order-1'));
    await waitForClaim(owner.tenantId, 'order-1');
    const duringFirst = await http.post('/api/test-orders', { item: 'tea' }, withKey(owner.token, 'order-1'));
    expect(duringFirst.status).toBe(409);
    expect(duringFirst.body.error.details.fields[0].field).toBe('Idempotency-Key');
    release();
    const done = await first;
    expect(done.status).toBe(201);
    const afterwards = await http.post('/api/test-orders', { item: 'tea' }, withKey(owner.token, 'order-1'));
    expect(afterwards.body).toEqual(done.body);
    expect(afterwards.headers.get('idempotent-replayed')).toBe('true');
  });

  it('does not store a 5xx: the retry runs the request again', async () => {
    const owner = await signUpTenant(app.http);
    failNext = true;
    const failed = await http.post('/api/test-orders', { item: 'jam' }, withKey(owner.token, 'order-2'));
    expect(failed.status).toBe(503);
    const retried = await http.post('/api/test-orders', { item: 'jam' }, withKey(owner.token, 'order-2'));
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(retried.body.run).toBeGreaterThan(0);
  });
});

async function waitForClaim(tenantId: string, key: string): Promise<void> {
  // The claim is written before the handler runs; the first request is held at the gate after it.
  await eventually(() => app.prisma.idempotencyKey.findFirst({ where: { tenantId, key } }), `the claim of ${key}`);
}
