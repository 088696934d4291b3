// Media in the browser. A voice note recorded in Chromium (which records only WebM/Opus; the fake
// microphone flags in tests/support/chromium.ts give it a beep to record) is stored as Ogg/Opus and
// reaches the customer's phone as audio/ogg that a browser can play.
import type { Page } from 'playwright-core';
import { eventually } from '../../support/eventually.ts';
import type { SeededTenant } from '../../support/seed/tenant.ts';
import { startSignedInBrowser, type SignedInBrowser } from '../../support/signed-in-browser.ts';
import type { TestApp } from '../../support/test-app.ts';

jest.setTimeout(240_000);

let session: SignedInBrowser;
let app: TestApp;
let page: Page;
let tenant: SeededTenant;

beforeAll(async () => {
  session = await startSignedInBrowser('Voice Shop');
  ({ app, page, tenant } = session);
});
afterAll(async () => {
  await session?.stop();
});

it("[media] a voice note recorded in Chromium reaches the customer's phone as Ogg/Opus", async () => {
  expect((await app.http.get('/api/sandbox', { token: tenant.token })).status).toBe(200);
  const customer = await app.http.post('/api/sandbox/customers', { name: 'Vera Voice' }, { token: tenant.token });
  const waId = String(customer.body.waId);
  await app.http.post(
    `/api/sandbox/customers/${waId}/messages`,
    { type: 'text', text: { body: 'Can you explain it in a voice note?' } },
    { token: tenant.token },
  );
  await page.goto(`${app.url}/inbox?status=open`);
  await page.getByTestId('conversation-item').filter({ hasText: 'Vera Voice' }).getByRole('button').click();
  // Chromium offers no Ogg recording: the recorder falls back to WebM/Opus.
  expect(await page.evaluate(() => MediaRecorder.isTypeSupported('audio/ogg;codecs=opus'))).toBe(false);

  await page.getByRole('button', { name: 'Record a voice note' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /Recording [2-9]s/ })
    .waitFor();
  await page.getByRole('button', { name: 'Send voice note' }).click();

  const sent = page.getByRole('log', { name: 'Messages' }).locator('[data-direction="outbound"][data-type="audio"]');
  await sent.waitFor();
  const status = await eventually(async () => {
    const value = await sent.getAttribute('data-status');
    return value && !['queued', 'sending'].includes(value) ? value : null;
  }, 'the voice note sent or refused');
  expect(['sent', 'delivered', 'read']).toContain(status);

  // Stored in the library as Ogg, converted from the recorder's WebM.
  const message = await app.prisma.message.findFirstOrThrow({
    where: { tenantId: tenant.tenantId, direction: 'outbound', type: 'audio' },
    include: { media: true },
  });
  expect(message.media).toMatchObject({ mimeType: 'audio/ogg', filename: 'voice-note.ogg' });

  // On the customer's phone: an audio message whose file is Ogg/Opus, and plays for about 2 seconds.
  const onPhone = await eventually(async () => {
    const thread = await app.http.get(`/api/sandbox/customers/${waId}/messages`, { token: tenant.token });
    const data = thread.body.data as Array<{ from: string; type: string; content: { audio: { url: string } } }>;
    return data.find((m) => m.from === 'business' && m.type === 'audio') ?? null;
  }, 'the voice note on the phone');
  const file = await fetch(`${app.url}${onPhone.content.audio.url}`);
  const bytes = Buffer.from(await file.arrayBuffer());
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('OggS');
  expect(bytes.subarray(28, 36).toString('latin1')).toBe('OpusHead');
  const seconds = await page.evaluate(async (base64) => {
    const binary = atob(base64);
    const data = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const audio = await new OfflineAudioContext(1, 48_000, 48_000).decodeAudioData(data.buffer);
    return audio.duration;
  }, bytes.toString('base64'));
  expect(seconds).toBeGreaterThan(1.5);
});
