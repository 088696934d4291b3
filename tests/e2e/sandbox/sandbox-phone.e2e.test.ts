// The "done when" in the browser: on the Sandbox phone a customer sends "hi" and a photo;
// both reach the workspace; a reply sent through the API appears on the phone live and the
// business sees it read.
import type { Page } from 'playwright-core';
import type { SeededTenant } from '../../support/seed/tenant.ts';
import { startSignedInBrowser, type SignedInBrowser } from '../../support/signed-in-browser.ts';
import type { TestApp } from '../../support/test-app.ts';
import { eventually } from '../../support/eventually.ts';

jest.setTimeout(180_000);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let app: TestApp;
let session: SignedInBrowser;
let page: Page;
let tenant: SeededTenant;

beforeAll(async () => {
  session = await startSignedInBrowser('Bike Shop');
  ({ app, page, tenant } = session);
});
afterAll(async () => {
  await session?.stop();
});

it('[e2e] a customer says hi with a photo from the Sandbox phone and gets a reply live', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sandbox' }).click();
  await page.getByRole('button', { name: 'New customer' }).click();
  await page.getByLabel('Customer name').fill('Rosa Rider');
  await page.getByRole('button', { name: 'Add customer' }).click();
  await page
    .getByRole('button', { name: /Rosa Rider/ })
    .first()
    .click();

  await page.getByLabel('Message').fill('hi');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.locator('[data-testid="bubble"][data-from="customer"]', { hasText: 'hi' }).waitFor();
  await page.getByLabel('Attach a file').setInputFiles({ name: 'bike.png', mimeType: 'image/png', buffer: PNG });
  await page.locator('[data-testid="bubble"][data-from="customer"] img').first().waitFor();

  const conversation = await eventually(
    async () => (await app.http.get('/api/conversations', { token: tenant.token })).body.items[0],
    'the conversation',
  );
  expect(conversation.contact.profileName).toBe('Rosa Rider');
  const messages = await eventually(async () => {
    const page = await app.http.get(`/api/conversations/${conversation.id}/messages`, { token: tenant.token });
    return page.body.items.length === 2 ? page.body.items : null;
  }, 'both messages stored');
  expect(messages.map((m: { type: string }) => m.type).sort()).toEqual(['image', 'text']);

  const reply = await app.http.post(
    '/api/messages',
    {
      channelId: conversation.channelId,
      to: { contactId: conversation.contact.id },
      content: { type: 'text', text: { body: 'Hi Rosa! Your bike is ready.' } },
    },
    { token: tenant.token },
  );
  expect(reply.status).toBe(202);
  await page.locator('[data-testid="bubble"][data-from="business"]', { hasText: 'Your bike is ready' }).waitFor();
  await eventually(
    async () => (await app.http.get(`/api/messages/${reply.body.id}`, { token: tenant.token })).body.status === 'read',
    'the blue ticks',
  );
});
