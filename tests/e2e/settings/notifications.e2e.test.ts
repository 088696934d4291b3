// Settings → Notifications in the browser: switches changed and saved are still set after a reload
// and are the settings the API (and so the notifier) reads.
import type { Page } from 'playwright-core';
import { DEFAULT_NOTIFICATION_SETTINGS } from '#api/notifications/settings-schemas';
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

const soundOnAssign = () => page.getByRole('switch', { name: 'Sound: A conversation is assigned to me' });
const soundOnUnassigned = () => page.getByRole('switch', { name: 'Sound: New unassigned conversation' });
const browserOnMention = () => page.getByRole('switch', { name: 'Browser: I am @mentioned in a note' });

it('[settings] notification switches are saved and still set after a reload', async () => {
  await page.goto(`${app.url}/settings/notifications`);
  await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
  // The defaults: everything on except a sound for every unassigned conversation.
  await expect(soundOnAssign().isChecked()).resolves.toBe(true);
  await expect(soundOnUnassigned().isChecked()).resolves.toBe(false);

  await soundOnAssign().uncheck();
  await soundOnUnassigned().check();
  await browserOnMention().uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Notification settings saved').waitFor();

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
  await soundOnAssign().waitFor();
  await expect(soundOnAssign().isChecked()).resolves.toBe(false);
  await expect(soundOnUnassigned().isChecked()).resolves.toBe(true);
  await expect(browserOnMention().isChecked()).resolves.toBe(false);
  await expect(page.getByRole('switch', { name: 'In app: I am @mentioned in a note' }).isChecked()).resolves.toBe(true);

  const saved = await app.http.get('/api/notifications/settings', { token: tenant.token });
  expect(saved.status).toBe(200);
  expect(saved.body).toEqual({
    ...DEFAULT_NOTIFICATION_SETTINGS,
    assigned_to_me: { inApp: true, browser: true, sound: false },
    new_unassigned_conversation: { inApp: true, browser: true, sound: true },
    mentioned: { inApp: true, browser: false, sound: true },
  });
});
