// The composer's attachments and the side panel's status, priority and snooze, in the browser:
// a photo uploads with progress and reaches the customer as an image; priority shows on the row; a
// snoozed conversation moves to the Snoozed tab until a time picked in the panel.
import type { Page } from 'playwright-core';
import { eventually } from '../../support/eventually.ts';
import type { SeededTenant } from '../../support/seed/tenant.ts';
import { startSignedInBrowser, type SignedInBrowser } from '../../support/signed-in-browser.ts';
import type { TestApp } from '../../support/test-app.ts';

jest.setTimeout(240_000);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let session: SignedInBrowser;
let app: TestApp;
let page: Page;
let tenant: SeededTenant;
let customerWaId: string;

beforeAll(async () => {
  session = await startSignedInBrowser('Bike Shop');
  ({ app, page, tenant } = session);
  expect((await app.http.get('/api/sandbox', { token: tenant.token })).status).toBe(200);
  const customer = await app.http.post('/api/sandbox/customers', { name: 'Dora Dutch' }, { token: tenant.token });
  customerWaId = String(customer.body.waId);
  const said = await app.http.post(
    `/api/sandbox/customers/${customerWaId}/messages`,
    { type: 'text', text: { body: 'Can you send me a photo of the invoice?' } },
    { token: tenant.token },
  );
  expect(said.status).toBeLessThan(300);
});
afterAll(async () => {
  await session?.stop();
});

const row = () => page.getByTestId('conversation-item').filter({ hasText: 'Dora Dutch' });

it("[inbox] a photo attached in the composer is uploaded and reaches the customer's phone", async () => {
  await page.goto(`${app.url}/inbox?status=open`);
  await row().getByRole('button').click();
  await page.getByLabel('Attach files').setInputFiles({ name: 'invoice.png', mimeType: 'image/png', buffer: PNG });
  const sent = page.getByRole('log', { name: 'Messages' }).locator('[data-direction="outbound"][data-type="image"]');
  await sent.waitFor();
  const status = await eventually(async () => {
    const value = await sent.getAttribute('data-status');
    return value && !['queued', 'sending'].includes(value) ? value : null;
  }, 'the image sent or refused');
  expect(['sent', 'delivered', 'read']).toContain(status);
  // The agent sees the photo they sent, and it is on the customer's phone.
  await sent.getByRole('img', { name: 'Photo' }).waitFor();
  const phone = await eventually(async () => {
    const thread = await app.http.get(`/api/sandbox/customers/${customerWaId}/messages`, { token: tenant.token });
    const images = (thread.body.data as Array<{ type: string; from: string }>).filter((m) => m.type === 'image');
    return images.length > 0 ? images : null;
  }, 'the photo on the customer phone');
  expect(phone).toHaveLength(1);
});

it('[inbox] priority, snooze and resolve from the side panel and the header', async () => {
  await page.goto(`${app.url}/inbox?status=open`);
  await row().getByRole('button').click();
  if ((await page.getByRole('button', { name: 'Contact details' }).getAttribute('aria-pressed')) !== 'true') {
    await page.getByRole('button', { name: 'Contact details' }).click();
  }
  const panel = page.getByRole('complementary', { name: 'Contact and conversation details' });
  await panel.getByLabel('Priority').selectOption('urgent');
  await row().filter({ hasText: 'urgent' }).waitFor();

  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await panel.getByLabel('Snooze until').fill(`${tomorrow}T09:00`);
  await panel.getByRole('button', { name: 'Snooze' }).click();
  await page.getByTestId('conversation-item').first().waitFor({ state: 'detached' });
  await page
    .getByRole('group', { name: 'Status' })
    .getByRole('button', { name: /^Snoozed 1/ })
    .click();
  await row().filter({ hasText: 'snoozed' }).waitFor();
  await panel.getByTestId('conversation-status').filter({ hasText: 'snoozed' }).waitFor();

  await page.getByRole('button', { name: 'Reopen' }).first().click();
  await panel.getByTestId('conversation-status').filter({ hasText: 'open' }).waitFor();
  await page
    .getByRole('region', { name: 'Conversation with Dora Dutch' })
    .getByRole('button', { name: 'Resolve', exact: true })
    .click();
  await panel.getByTestId('conversation-status').filter({ hasText: 'resolved' }).waitFor();
});

it('[inbox] a reply scheduled for later shows in the thread with its time and can be cancelled', async () => {
  await page.goto(`${app.url}/inbox?status=open,pending,snoozed,resolved`);
  await row().getByRole('button').click();
  await page.getByRole('combobox', { name: 'Reply' }).fill('Your invoice is on its way');
  await page.getByRole('button', { name: 'Send later' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send later' });
  await dialog.getByLabel('Message').waitFor();
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  const scheduled = page.getByTestId('scheduled-message').filter({ hasText: 'Your invoice is on its way' });
  await scheduled.getByText(/Scheduled for/).waitFor();
  await expect(page.getByRole('combobox', { name: 'Reply' }).inputValue()).resolves.toBe('');
  await scheduled.getByRole('button', { name: 'Cancel' }).click();
  await scheduled.waitFor({ state: 'detached' });
});
