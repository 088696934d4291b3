// Settings → API keys and API requests in the owner's browser: the plan's rate limit shown, an IP
// allow-list edited (a typo named before saving), the key refused from elsewhere, and that refusal
// found in the request log by its status and key.
import type { Page } from 'playwright-core';
import { startSignedInBrowser, type SignedInBrowser } from '../../support/signed-in-browser.ts';
import type { TestApp } from '../../support/test-app.ts';

jest.setTimeout(240_000);

let session: SignedInBrowser;
let app: TestApp;
let page: Page;

beforeAll(async () => {
  session = await startSignedInBrowser('Bike Shop');
  ({ app, page } = session);
});
afterAll(async () => {
  await session?.stop();
});

it('[settings] an API key is restricted to an IP range and its refused call is found in the request log', async () => {
  await page.goto(`${app.url}/settings/api-keys`);
  await page.getByTestId('api-rate-limit').filter({ hasText: '1,200 API requests per minute' }).waitFor();

  // Created from this machine only: the test calls from 127.0.0.1.
  await page.getByRole('button', { name: 'New API key' }).click();
  await page.getByLabel('Key name').fill('Admin key');
  await page.getByLabel('Role').selectOption({ label: 'Admin' });
  await page.getByLabel('Allowed IPs (optional)').fill('127.0.0.1');
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('new-api-key').textContent())?.trim() ?? '';
  await page.getByRole('button', { name: 'Done' }).click();
  const keyRow = page.getByRole('row').filter({ hasText: 'Admin key' });
  await keyRow.filter({ hasText: '127.0.0.1' }).waitFor();
  expect((await app.http.get('/api/contacts', { token: key })).status).toBe(200);

  await page.getByRole('button', { name: 'Edit the IP allow-list of Admin key' }).click();
  const dialog = page.getByRole('dialog', { name: 'IP allow-list of “Admin key”' });
  const field = dialog.getByLabel('Allowed addresses');
  await field.fill('10.0.0.0/8\nnot-an-ip');
  await dialog.getByRole('button', { name: 'Save allow-list' }).click();
  await dialog.getByText('Not an IP address or CIDR range: not-an-ip').waitFor();
  await field.fill('10.0.0.0/8\n2001:db8::/32');
  await dialog.getByRole('button', { name: 'Save allow-list' }).click();
  await dialog.waitFor({ state: 'detached' });
  await keyRow.filter({ hasText: '10.0.0.0/8, 2001:db8::/32' }).waitFor();

  // The browser and the test call from 127.0.0.1, outside the list.
  const refused = await app.http.get('/api/contacts', { token: key });
  expect(refused.status).toBe(403);
  await app.deps.requestLog.flush();

  await page.goto(`${app.url}/settings/api-requests`);
  const log = page.getByRole('table', { name: 'API requests' });
  await log.getByRole('row').filter({ hasText: 'PATCH /api/api-keys/' }).first().waitFor();
  const filters = page.getByRole('form', { name: 'Filter API requests' });
  await filters.getByLabel('API key').selectOption({ label: 'Admin key' });
  await filters.getByLabel('Status').fill('4xx');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  const rows = log.getByRole('row').filter({ hasText: 'GET /api/contacts' });
  await rows.filter({ hasText: '403' }).filter({ hasText: 'API key' }).waitFor();
  expect(await log.getByRole('row').count()).toBe(2); // the header and the refused call

  await filters.getByLabel('Status').fill('5xx');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByText('No requests match these filters').waitFor();
});
