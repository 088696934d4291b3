// Settings → Canned responses in the owner's browser: a shared response created, refused a second
// time under the same shortcut (the error next to the field), edited, and deleted. Using one in the
// composer by its /shortcut is covered by tests/e2e/inbox/two-agents.e2e.test.ts.
import type { Page } from 'playwright-core';
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

const rows = () => page.getByRole('row').filter({ hasText: '/ready' });

async function fillDialog(dialog: ReturnType<Page['getByRole']>, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    await dialog.getByLabel(label, { exact: true }).fill(value);
  }
}

it('[settings] a shared canned response is created, edited and deleted', async () => {
  await page.goto(`${app.url}/settings/canned-responses`);
  await page.getByText('No canned responses yet').waitFor();

  await page.getByRole('button', { name: 'New response' }).click();
  let dialog = page.getByRole('dialog', { name: 'New canned response' });
  await dialog.getByLabel('Who can use it').selectOption({ label: 'Everyone in the workspace' });
  await fillDialog(dialog, {
    Shortcut: 'ready',
    Title: 'Bike ready',
    'Category (optional)': 'Workshop',
    Text: 'Hi {{contact.name}}, your bike is ready!',
  });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await rows()
    .filter({ hasText: 'Bike ready' })
    .filter({ hasText: 'Shared' })
    .filter({ hasText: 'Workshop' })
    .waitFor();

  // The same shortcut again among the shared ones: refused, with the reason under Shortcut.
  await page.getByRole('button', { name: 'New response' }).click();
  dialog = page.getByRole('dialog', { name: 'New canned response' });
  await dialog.getByLabel('Who can use it').selectOption({ label: 'Everyone in the workspace' });
  await fillDialog(dialog, { Shortcut: 'ready', Title: 'Another', Text: 'Again' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog
    .locator('.field', { has: page.getByLabel('Shortcut', { exact: true }) })
    .locator('.field-error')
    .waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows().count()).resolves.toBe(1);

  // Edited: the new title and text are what the workspace gets.
  await page.getByRole('button', { name: 'Edit /ready' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit canned response' });
  await expect(dialog.getByLabel('Text', { exact: true }).inputValue()).resolves.toBe(
    'Hi {{contact.name}}, your bike is ready!',
  );
  await fillDialog(dialog, { Title: 'Bike ready to collect', Text: 'Hi {{contact.name}}, collect it today.' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.reload();
  await rows().filter({ hasText: 'Bike ready to collect' }).waitFor();
  const listed = await app.http.get('/api/canned-responses', { token: tenant.token });
  expect(listed.body.items).toEqual([
    expect.objectContaining({
      scope: 'shared',
      shortcut: 'ready',
      title: 'Bike ready to collect',
      category: 'Workshop',
      body: 'Hi {{contact.name}}, collect it today.',
    }),
  ]);

  // Deleted after confirming: gone from the page and from the API.
  await page.getByRole('button', { name: 'Delete /ready' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this canned response?' });
  await confirm.getByText('/ready will no longer be offered in the composer.').waitFor();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await page.getByText('No canned responses yet').waitFor();
  const after = await app.http.get('/api/canned-responses', { token: tenant.token });
  expect(after.body.items).toEqual([]);
});
