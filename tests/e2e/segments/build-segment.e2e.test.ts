// A segment built in the owner's browser: the live count follows each edit (a condition on opt-in,
// then a nested OR group of a tag and a custom dropdown field), the segment is saved and listed
// with its size.
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
  session = await startSignedInBrowser('Segment Shop');
  ({ app, page, tenant } = session);
  const tenantId = tenant.tenantId;
  await app.prisma.customField.create({
    data: { tenantId, key: 'plan', label: 'Plan', type: 'dropdown', options: ['Free', 'Gold'] },
  });
  const contacts = [
    { name: 'Ana', optInStatus: 'opted_in', tags: ['vip'], plan: 'Free' },
    { name: 'Bea', optInStatus: 'opted_in', tags: [], plan: 'Gold' },
    { name: 'Caio', optInStatus: 'opted_in', tags: [], plan: 'Free' },
    { name: 'Dora', optInStatus: 'opted_out', tags: ['vip'], plan: 'Gold' },
  ];
  for (const [index, contact] of contacts.entries()) {
    await app.prisma.contact.create({
      data: {
        tenantId,
        waId: `4479111234${index}0`,
        phone: `+4479111234${index}0`,
        name: contact.name,
        optInStatus: contact.optInStatus,
        tags: contact.tags,
        fields: { plan: contact.plan },
      },
    });
  }
});
afterAll(async () => {
  await session?.stop();
});

const countIs = (n: number) =>
  page
    .getByTestId('segment-count')
    .filter({ hasText: new RegExp(`^${n}$`) })
    .waitFor();

it('[segments] building a segment with a nested group updates its live count, and it is saved and listed', async () => {
  await page.goto(`${app.url}/contacts/segments`);
  await page.getByRole('navigation', { name: 'Contacts sections' }).getByRole('link', { name: 'Segments' }).waitFor();
  await page.getByText('No segments yet').waitFor();
  await page.getByRole('button', { name: 'New segment' }).first().click();
  await page.waitForURL(/\/contacts\/segments\/new$/);
  await countIs(4);

  await page.getByRole('button', { name: 'Add condition' }).click();
  const first = page.getByTestId('segment-condition').nth(0);
  await first.getByLabel('Field').selectOption({ label: 'Opt-in status' });
  expect(await first.getByLabel('Value').inputValue()).toBe('opted_in');
  await countIs(3);
  await page.getByText('Bea').waitFor();

  await page.getByRole('button', { name: 'Add group' }).click();
  const nested = page.getByTestId('segment-group').nth(1);
  expect(await nested.getByLabel('Match', { exact: true }).inputValue()).toBe('or');
  // The new group's tag condition has no tag yet: the preview says so instead of counting.
  await page.getByText(/needs at least one tag/).waitFor();
  await nested.getByLabel('Tags').fill('vip');
  await countIs(1);

  await nested.getByRole('button', { name: 'Add condition' }).click();
  const plan = nested.getByTestId('segment-condition').nth(1);
  await plan.getByLabel('Field').selectOption({ label: 'Plan' });
  await plan.getByLabel('Value').selectOption('Gold');
  await countIs(2);

  await page.getByLabel('Name', { exact: true }).fill('Engaged VIPs');
  await page.getByRole('button', { name: 'Save segment' }).click();
  await page.waitForURL(/\/contacts\/segments\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: 'Engaged VIPs' }).waitFor();

  await page.getByRole('navigation', { name: 'Contacts sections' }).getByRole('link', { name: 'Segments' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Engaged VIPs' });
  await row.getByText('2', { exact: true }).waitFor();
  const saved = await app.http.get('/api/segments', { token: tenant.token });
  expect(saved.body.items[0].condition).toEqual({
    kind: 'group',
    op: 'and',
    children: [
      { kind: 'field', field: 'optInStatus', op: 'equals', value: 'opted_in' },
      {
        kind: 'group',
        op: 'or',
        children: [
          { kind: 'tags', op: 'has_any', values: ['vip'] },
          { kind: 'custom', key: 'plan', op: 'equals', value: 'Gold' },
        ],
      },
    ],
  });
});
