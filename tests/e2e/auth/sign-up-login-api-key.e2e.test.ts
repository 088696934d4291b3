// A new user in the browser: signs up, signs out, signs in again, creates an API key in Settings,
// and the key then authenticates a REST call.
import type { Browser, Page } from 'playwright-core';
import { buildWebApp, launchBrowser } from '../../support/browser.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

jest.setTimeout(180_000);

let app: TestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const [webDistDir, launched] = await Promise.all([buildWebApp(), launchBrowser()]);
  browser = launched;
  app = await startTestApp({}, { webDistDir });
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('[e2e] sign up, sign in again and create an API key that works with curl', async () => {
  await page.goto(`${app.url}/signup`);
  await page.getByLabel('Your name').fill('Grace Hopper');
  await page.getByLabel('Work e-mail').fill('grace@example.com');
  await page.getByLabel('Password').fill('a very long password');
  await page.getByLabel('Workspace name').fill('Navy Support');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await expectVisible(page.getByRole('button', { name: 'Switch workspace' }).filter({ hasText: 'Navy Support' }));

  await page.getByRole('button', { name: 'Account menu' }).click();
  await page
    .getByRole('menuitem', { name: 'Sign out' })
    .or(page.getByRole('button', { name: 'Sign out' }))
    .first()
    .click();
  await page.waitForURL(/\/login/);

  await page.getByLabel('E-mail').fill('grace@example.com');
  await page.getByLabel('Password').fill('a very long password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'API keys' }).click();
  await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
  await page.getByRole('button', { name: 'New API key' }).click();
  await page.getByLabel('Key name').fill('Billing sync');
  await page.getByLabel('Role').selectOption({ label: 'Admin' });
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('new-api-key').textContent())?.trim() ?? '';
  expect(key).toMatch(/^prl_/);
  await page.getByRole('button', { name: 'Done' }).click();
  await expectVisible(page.getByRole('row').filter({ hasText: 'Billing sync' }));

  const members = await fetch(`${app.url}/api/members`, { headers: { authorization: `Bearer ${key}` } });
  expect(members.status).toBe(200);
  expect(JSON.stringify(await members.json())).toContain('grace@example.com');
});

async function expectVisible(locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
}
