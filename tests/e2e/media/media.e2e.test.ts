// Media in the browser. The Media page uploads a photo with progress, shows it in the grid with its
// thumbnail, optimised size and the storage bar, renames and deletes it. A voice note recorded in Chromium (which records only WebM/Opus; the fake
// microphone flags in tests/support/chromium.ts give it a beep to record) is stored as Ogg/Opus and
// reaches the customer's phone as audio/ogg that a browser can play.
import type { Page } from 'playwright-core';
import sharp from 'sharp';
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

it('[media] the Media page lists the voice note as used, uploads a photo, shows it in the grid, renames and deletes it', async () => {
  // A 3000×2000 photo-like JPEG: shown at 1600×1067 after optimisation.
  const photo = await sharp({
    create: {
      width: 3000,
      height: 2000,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 30 },
    },
  })
    .jpeg({ quality: 95 })
    .toBuffer();
  await page.goto(`${app.url}/`);
  await page.getByRole('link', { name: 'Media' }).click();
  await page.getByRole('heading', { level: 1, name: 'Media' }).waitFor();
  // The voice note sent above is in the library too, used by its message.
  await page.getByTestId('media-item').filter({ hasText: 'voice-note.ogg' }).getByText('Used in 1 message').waitFor();
  await page
    .getByTestId('media-storage')
    .getByText(/of 1\.0 GB used/)
    .waitFor();

  await page
    .getByLabel('Upload files')
    .setInputFiles({ name: 'storefront.jpg', mimeType: 'image/jpeg', buffer: photo });
  const tile = page.getByTestId('media-item').filter({ hasText: 'storefront.jpg' });
  await tile.waitFor();
  await tile.getByText(/1600×1067/).waitFor();
  await tile.getByText(/\(was \d/).waitFor();
  await tile.getByText('Not used yet').waitFor();
  const thumbnail = tile.getByRole('img', { name: 'storefront.jpg' });
  await eventually(
    () => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 1600),
    'the thumbnail',
  );
  await page.getByTestId('media-storage').getByText('2 files').waitFor();

  // Filtered out by kind, found by name.
  await page.getByLabel('Kind').selectOption('document');
  await page.getByText('No files match').waitFor();
  await page.getByLabel('Kind').selectOption('image');
  await page.getByLabel('Search media').fill('STORE');
  await tile.waitFor();

  await tile.getByRole('button', { name: 'Rename storefront.jpg' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename file' });
  await rename.getByLabel('File name').fill('shop window.jpg');
  await rename.getByRole('button', { name: 'Save' }).click();
  const renamed = page.getByTestId('media-item').filter({ hasText: 'shop window.jpg' });
  await rename.waitFor({ state: 'detached' });
  await page.getByText('No files match').waitFor();
  await page.getByLabel('Search media').fill('');
  await renamed.waitFor();

  await renamed.getByRole('button', { name: 'Delete shop window.jpg' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete shop window.jpg?' });
  await confirm.getByText('Not used yet.').waitFor();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await renamed.waitFor({ state: 'detached' });
  await page.getByTestId('media-storage').getByText('1 file', { exact: true }).waitFor();
  expect(
    await app.prisma.media.count({
      where: { tenantId: tenant.tenantId, providerMediaId: null, mimeType: 'image/jpeg' },
    }),
  ).toBe(0);
});
