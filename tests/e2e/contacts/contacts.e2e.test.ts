// Contacts in the owner's browser: a custom field created in Settings, a contact created with
// custom fields of every kind of input (dropdown, multi-select, date, checkbox, number), a bad
// number shown as an error on its field and fixed, then the contact's page and the list; then a group
// restricted to agents, the contact added to it from its page, and the group's link to its contacts.
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
  session = await startSignedInBrowser('Corner Shop');
  ({ app, page, tenant } = session);
});
afterAll(async () => {
  await session?.stop();
});

it('[contacts] a contact is created with custom fields; a value that does not fit shows on its field', async () => {
  await page.goto(`${app.url}/settings/custom-fields`);
  await page.getByText('No custom fields yet').waitFor();
  await page.getByRole('button', { name: 'New field' }).click();
  const fieldDialog = page.getByRole('dialog', { name: 'New custom field' });
  await fieldDialog.getByLabel('Label').fill('Plan');
  expect(await fieldDialog.getByLabel('Key').inputValue()).toBe('plan');
  await fieldDialog.getByLabel('Type').selectOption({ label: 'Dropdown' });
  await fieldDialog.getByLabel('Options, one per line').fill('Free\nGold');
  await fieldDialog.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('row').filter({ hasText: 'Plan' }).getByText('Free, Gold').waitFor();
  for (const field of [
    { key: 'score', label: 'Score', type: 'number' },
    { key: 'birthday', label: 'Birthday', type: 'date' },
    { key: 'interests', label: 'Interests', type: 'multi_select', options: ['Shoes', 'Bags'] },
    { key: 'vip', label: 'VIP', type: 'checkbox' },
  ]) {
    expect((await app.http.post('/api/custom-fields', field, { token: tenant.token })).status).toBe(201);
  }

  await page.goto(`${app.url}/contacts`);
  await page.getByText('No contacts yet').waitFor();
  await page.getByRole('button', { name: 'New contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'New contact' });
  await dialog.getByLabel('Phone', { exact: true }).fill('+44 7911 123456');
  await dialog.getByLabel('Name', { exact: true }).fill('Maria Lopes');
  await dialog.getByLabel('Score').fill('lots');
  await dialog.getByLabel('Plan').selectOption('Gold');
  await dialog.getByRole('group', { name: 'Interests' }).getByLabel('Bags').check();
  await dialog.getByLabel('Birthday').fill('1990-12-31');
  await dialog.getByLabel('VIP').check();
  await dialog.getByRole('button', { name: 'Create contact' }).click();
  await dialog.getByText('Score must be a number, not "lots"').waitFor();
  expect(await dialog.getByLabel('Score').getAttribute('aria-invalid')).toBe('true');

  await dialog.getByLabel('Score').fill('42');
  await dialog.getByRole('button', { name: 'Create contact' }).click();
  await page.getByRole('heading', { level: 1, name: 'Maria Lopes' }).waitFor();
  const fields = page.locator('dl[aria-label="Custom field values"]');
  const expected: Array<[string, string]> = [
    ['Plan', 'Gold'],
    ['Score', '42'],
    ['Birthday', '1990-12-31'],
    ['Interests', 'Bags'],
    ['VIP', 'Yes'],
  ];
  for (const [label, value] of expected) {
    await fields.locator('.contact-fact').filter({ hasText: label }).getByText(value, { exact: true }).waitFor();
  }
  await page.getByText('+447911123456').first().waitFor();

  await page.getByRole('link', { name: 'Contacts', exact: true }).first().click();
  const row = page.getByRole('row').filter({ hasText: 'Maria Lopes' });
  await row.getByText('+447911123456').waitFor();
  await page.getByText('1 contact · page 1').waitFor();
});

it('[contacts] a group is created, the contact added from its page, and the group links to its contacts', async () => {
  await page.goto(`${app.url}/contacts/groups`);
  await page.getByText('No groups yet').waitFor();
  await page.getByRole('button', { name: 'New group' }).click();
  const dialog = page.getByRole('dialog', { name: 'New group' });
  await dialog.getByLabel('Name').fill('Regulars');
  await dialog.getByLabel('Agent').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('row').filter({ hasText: 'Regulars' }).getByText('Agent').waitFor();

  await page.goto(`${app.url}/contacts`);
  await page.getByRole('link', { name: 'Maria Lopes' }).click();
  await page.getByLabel('Group to add to').selectOption({ label: 'Regulars' });
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('button', { name: 'Remove from Regulars' }).waitFor();

  await page.getByRole('link', { name: 'Groups', exact: true }).click();
  await page.getByRole('link', { name: 'Contacts in Regulars' }).click();
  await page.getByRole('row').filter({ hasText: 'Maria Lopes' }).waitFor();
  expect(await page.getByLabel('Filter by group').inputValue()).not.toBe('');
});
