// An admin edits the number's WhatsApp business profile: the phone preview follows the typing,
// a bad e-mail is refused next to its field, and the saved profile is what WhatsApp now serves.
import type { Page } from 'playwright-core';
import type { SeededTenant } from '../../support/seed/tenant.ts';
import { startSignedInBrowser, type SignedInBrowser } from '../../support/signed-in-browser.ts';
import type { TestApp } from '../../support/test-app.ts';

jest.setTimeout(180_000);

let app: TestApp;
let session: SignedInBrowser;
let page: Page;
let tenant: SeededTenant;

beforeAll(async () => {
  session = await startSignedInBrowser('Wheel Works');
  ({ app, page, tenant } = session);
});
afterAll(async () => {
  await session?.stop();
});

it('[e2e] an admin edits the business profile with a live preview and WhatsApp serves it', async () => {
  const channels = await app.http.get('/api/channels', { token: tenant.token });
  const channel = channels.body.items[0];
  await page.goto(`${app.url}/settings/channels`);
  await page.getByRole('table').getByRole('link', { name: channel.name }).click();
  const profileCard = page.locator('section.card', { has: page.getByRole('heading', { name: 'Business profile' }) });
  const preview = page.getByTestId('profile-preview');
  await profileCard.getByLabel('About').waitFor();

  await profileCard.getByLabel('About').fill('Bikes fixed while you wait');
  await profileCard.getByLabel('Description').fill('Repairs, parts and rentals since 1998.');
  await preview.getByText('Bikes fixed while you wait').waitFor();
  await preview.getByText('Repairs, parts and rentals since 1998.').waitFor();

  await profileCard.getByLabel('E-mail').fill('not-an-address');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByText('must be an e-mail address').waitFor();

  await profileCard.getByLabel('E-mail').fill('hello@wheelworks.example');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByText('Business profile saved').waitFor();

  const served = await app.http.get(`/api/channels/${channel.id}/business-profile`, { token: tenant.token });
  expect(served.body).toMatchObject({
    about: 'Bikes fixed while you wait',
    description: 'Repairs, parts and rentals since 1998.',
    email: 'hello@wheelworks.example',
  });

  await page.reload();
  await expect(page.getByLabel('About').inputValue()).resolves.toBe('Bikes fixed while you wait');
});
