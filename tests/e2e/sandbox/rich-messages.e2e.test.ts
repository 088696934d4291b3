// What the business sends, as the Sandbox phone draws it: WhatsApp's formatting with a clickable
// link, a location with its map link and a contact card; the same components draw them in the inbox
// thread (web/src/components/whatsapp/).
import type { Page } from 'playwright-core';
import { eventually } from '../../support/eventually.ts';
import type { SeededTenant } from '../../support/seed/tenant.ts';
import { startSignedInBrowser, type SignedInBrowser } from '../../support/signed-in-browser.ts';
import type { TestApp } from '../../support/test-app.ts';

jest.setTimeout(180_000);

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

it('[e2e] formatted text with a link, a location and a contact card on the Sandbox phone', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sandbox' }).click();
  await page.getByRole('button', { name: 'New customer' }).click();
  await page.getByLabel('Customer name').fill('Rosa Rider');
  await page.getByRole('button', { name: 'Add customer' }).click();
  await page
    .getByRole('button', { name: /Rosa Rider/ })
    .first()
    .click();
  await page.getByLabel('Message').fill('where is the shop?');
  await page.getByRole('button', { name: 'Send' }).click();
  const conversation = await eventually(
    async () => (await app.http.get('/api/conversations', { token: tenant.token })).body.items[0],
    'the conversation',
  );

  const send = async (content: Record<string, unknown>) => {
    const sent = await app.http.post(
      '/api/messages',
      { channelId: conversation.channelId, to: { contactId: conversation.contact.id }, content },
      { token: tenant.token },
    );
    expect(sent.status).toBe(202);
  };
  await send({ type: 'text', text: { body: 'We are *open* until _six_: https://example.com/shop' } });
  await send({ type: 'location', location: { latitude: 48.8584, longitude: 2.2945, name: 'Bike Shop' } });
  await send({
    type: 'contacts',
    contacts: [{ name: { formatted_name: 'Max Mechanic' }, phones: [{ phone: '+331234' }] }],
  });

  const business = page.locator('[data-testid="bubble"][data-from="business"]');
  const text = business.filter({ hasText: 'until' });
  await text.locator('strong', { hasText: 'open' }).waitFor();
  await text.locator('em', { hasText: 'six' }).waitFor();
  await expect(text.getByRole('link', { name: 'https://example.com/shop' }).getAttribute('href')).resolves.toBe(
    'https://example.com/shop',
  );
  const location = business.filter({ hasText: 'Bike Shop' });
  await location.getByRole('link', { name: 'Open the map' }).waitFor();
  await location.getByText('48.85840, 2.29450').waitFor();
  await business.filter({ hasText: 'Max Mechanic' }).getByText('+331234').waitFor();
});
