// The top bar's status switch in the owner's browser: opening the app puts them online; Away and
// Busy, once picked, stay after a reload (whose heartbeat must not bring a chosen status back
// online), show in Settings → Teams & routing and are what routing reads from the API.
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
  session = await startSignedInBrowser('Bike Shop');
  ({ app, page, tenant } = session);
});
afterAll(async () => {
  await session?.stop();
});

const mySwitch = () => page.getByRole('banner').getByLabel('My status');

async function myStatus(): Promise<{ status: string; isAuto: boolean }> {
  const list = await app.http.get('/api/agent-statuses', { token: tenant.token });
  expect(list.status).toBe(200);
  return list.body.items.find((item: { userId: string }) => item.userId === tenant.session.user.id);
}

it('[inbox] Away and Busy from the top bar stay after a reload and show to the team', async () => {
  // The app's first heartbeat put the owner online.
  await eventually(async () => (await mySwitch().inputValue()) === 'online', 'online after opening the app');
  await expect(myStatus()).resolves.toMatchObject({ status: 'online' });

  await mySwitch().selectOption({ label: 'Away' });
  await eventually(async () => (await myStatus()).status === 'away', 'away on the server');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await eventually(async () => (await mySwitch().inputValue()) === 'away', 'away after the reload');
  await expect(myStatus()).resolves.toMatchObject({ status: 'away', isAuto: false });

  await mySwitch().selectOption({ label: 'Busy' });
  await eventually(async () => (await myStatus()).status === 'busy', 'busy on the server');
  await page.goto(`${app.url}/settings/routing`);
  await page.getByRole('row').filter({ hasText: 'Test Owner' }).filter({ hasText: 'busy' }).waitFor();
  await expect(mySwitch().inputValue()).resolves.toBe('busy');
  await expect(myStatus()).resolves.toMatchObject({ status: 'busy', isAuto: false });
});
