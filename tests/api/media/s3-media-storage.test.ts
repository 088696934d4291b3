// With S3_* set, media goes to an S3-compatible bucket (here s3rver, a local S3 implementation
// we did not write): a customer's photo on the Sandbox phone is downloaded into the bucket and
// served back at its signed URL.
import { mkdtempSync } from 'node:fs';
import { testInfrastructure } from '../../support/test-env.ts';
import path from 'node:path';
import S3rver from 's3rver';
import { freePort } from '../../../scripts/lib/ports.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { signUpTenant } from '../../support/seed/tenant.ts';

jest.setTimeout(60_000);
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

let s3: S3rver;
let app: TestApp;
const storeDir = mkdtempSync(path.join(testInfrastructure().runDir, 'parley-s3-'));

beforeAll(async () => {
  const port = await freePort();
  s3 = new S3rver({
    port,
    address: '127.0.0.1',
    directory: storeDir,
    silent: true,
    configureBuckets: [{ name: 'parley-media', configs: [] }],
  });
  await s3.run();
  app = await startTestApp({
    S3_BUCKET: 'parley-media',
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  });
});
afterAll(async () => {
  await app?.stop();
  await s3?.close();
});

it('[media] stores inbound media in the S3 bucket and serves it back', async () => {
  const tenant = await signUpTenant(app.http);
  const token = tenant.token;
  const customer = await app.http.post('/api/sandbox/customers', { name: 'Photographer' }, { token });
  await app.http.post(
    `/api/sandbox/customers/${customer.body.waId}/messages`,
    { type: 'image', image: { data: PNG, mimeType: 'image/png' } },
    { token },
  );
  const deadline = Date.now() + 20_000;
  let url: string | null = null;
  while (!url && Date.now() < deadline) {
    const conversations = await app.http.get('/api/conversations', { token });
    const conversation = conversations.body.items[0];
    if (conversation) {
      const messages = await app.http.get(`/api/conversations/${conversation.id}/messages`, { token });
      url = messages.body.items[0]?.media?.url ?? null;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  expect(url).toBeTruthy();
  const media = await app.prisma.media.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
  const stored = await app.deps.mediaStore.get(media.storageKey!);
  expect(stored?.size).toBe(Buffer.from(PNG, 'base64').length);
  const served = Buffer.from(await (await fetch(`${app.url}${url}`)).arrayBuffer());
  expect(served.equals(Buffer.from(PNG, 'base64'))).toBe(true);
});
