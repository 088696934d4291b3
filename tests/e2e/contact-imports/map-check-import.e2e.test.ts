// A marketer imports a CSV: a text column mapped to a number field shows its error on every row
// before anything is imported; remapping clears them, the import runs to 100% and the contacts are
// in the contact list and the import history lists it as completed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  session = await startSignedInBrowser('Bike Fair');
  ({ app, page, tenant } = session);
});
afterAll(async () => {
  await session?.stop();
});

it('[e2e] a wrongly mapped column shows its errors per row, the fixed mapping imports every contact', async () => {
  await app.prisma.customField.create({
    data: { tenantId: tenant.tenantId, key: 'visits', label: 'Visits', type: 'number' },
  });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'import-')), 'fair-visitors.csv');
  writeFileSync(
    file,
    [
      'Phone,Name,Score,Comment',
      '+14155550201,Ana,3,likes bikes',
      '+14155550202,Bo,12,wants a helmet',
      '+14155550203,Cy,0,',
    ].join('\n'),
  );

  await page.goto(`${app.url}/contacts/imports`);
  await page.getByText('No imports yet').waitFor();
  await page.getByLabel('File to import').setInputFiles(file);
  await page.getByRole('heading', { level: 1, name: 'fair-visitors.csv' }).waitFor();
  await page.getByText('Every row is ready').waitFor();

  // The comment (text) mapped to the Visits number field: each row with text says why.
  await page.getByLabel('Field for column Comment').selectOption('fields.visits');
  await page.getByText('2 rows have problems').waitFor();
  const problems = page.getByRole('table', { name: 'Row problems' });
  await problems.getByText('Visits must be a number, not "likes bikes"').waitFor();
  await problems.getByText('Visits must be a number, not "wants a helmet"').waitFor();
  await expect(page.locator('tr[data-row="2"] td.import-cell-error').textContent()).resolves.toBe('likes bikes');
  await expect(page.getByRole('button', { name: 'Import 1 contact' }).isEnabled()).resolves.toBe(true);
  expect(await app.prisma.contact.count({ where: { tenantId: tenant.tenantId } })).toBe(0);

  // Fixed: the score is the visits, the comment is ignored.
  await page.getByLabel('Field for column Comment').selectOption('');
  await page.getByLabel('Field for column Score').selectOption('fields.visits');
  await page.getByText('Every row is ready').waitFor();
  await expect(page.locator('td.import-cell-error').count()).resolves.toBe(0);
  await page.getByLabel('Tags for every imported contact').fill('fair');
  await page.getByRole('button', { name: 'Import 3 contacts' }).click();

  await page.getByText('Import completed').waitFor({ timeout: 60_000 });
  await expect(page.getByTestId('import-percent').textContent()).resolves.toBe('100%');
  const contacts = await app.prisma.contact.findMany({
    where: { tenantId: tenant.tenantId },
    orderBy: { phone: 'asc' },
    select: { name: true, fields: true, tags: true },
  });
  expect(contacts).toEqual([
    { name: 'Ana', fields: { visits: 3 }, tags: ['fair'] },
    { name: 'Bo', fields: { visits: 12 }, tags: ['fair'] },
    { name: 'Cy', fields: { visits: 0 }, tags: ['fair'] },
  ]);

  await page.getByRole('link', { name: 'Open the contact list' }).click();
  for (const name of ['Ana', 'Bo', 'Cy']) {
    await page.getByRole('link', { name, exact: true }).waitFor();
  }

  await page.goto(`${app.url}/contacts/imports`);
  const history = page.getByRole('row', { name: /fair-visitors\.csv/ });
  await history.getByText('Completed').waitFor();
});
