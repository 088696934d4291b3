// Settings → Automations in the owner's browser: a keyword rule saved with a mistake (the API's
// error shown at the field), fixed, and seen working: a Sandbox customer's message gets the
// rule's reply, and the run log shows the run with its outcome. Then the away message is switched
// on from the quick setup.
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

it('[automations] a keyword rule made in the editor answers a customer, and its run is in the log', async () => {
  await page.goto(`${app.url}/settings/automations`);
  await page.getByText('No automation rules yet').waitFor();
  await page.getByRole('link', { name: 'New rule' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Opening hours');
  await page.getByLabel('Keywords (comma-separated)').fill('hours, (open');
  await page.getByLabel('Match', { exact: true }).selectOption('regex');
  await page.getByLabel(/^Text/).fill('We open at 9, {{contact.name}}!');
  await page.getByRole('button', { name: 'Save rule' }).click();
  await page.getByText('is not a valid regular expression').waitFor();

  await page.getByLabel('Keywords (comma-separated)').fill('hours');
  await page.getByRole('button', { name: 'Save rule' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Opening hours' });
  await row.waitFor();
  await expectChecked(page, true);

  const customer = await app.http.post('/api/sandbox/customers', { name: 'Hugo' }, { token: tenant.token });
  await app.http.post(
    `/api/sandbox/customers/${customer.body.waId}/messages`,
    { type: 'text', text: { body: 'What are your HOURS?' } },
    { token: tenant.token },
  );
  await eventually(
    () =>
      app.prisma.message.findFirst({
        where: {
          tenantId: tenant.tenantId,
          direction: 'outbound',
          text: 'We open at 9, Hugo!',
          status: { in: ['sent', 'delivered', 'read'] },
        },
      }),
    'the rule’s reply sent to the customer',
  );

  await page.reload();
  await row.getByRole('link', { name: 'Runs' }).click();
  const run = page.getByRole('row').filter({ hasText: 'succeeded' });
  await run.filter({ hasText: 'Send a message: succeeded' }).waitFor();

  // Disabled from the list, without deleting it.
  await page.goto(`${app.url}/settings/automations`);
  await page.getByRole('switch', { name: 'Enable Opening hours' }).click();
  await eventually(async () => {
    const rules = await app.prisma.automationRule.findMany({ where: { tenantId: tenant.tenantId } });
    return rules.length === 1 && rules[0]?.isEnabled === false;
  }, 'the rule disabled');

  // The away message, on from the quick setup.
  await page.getByRole('button', { name: 'Turn on away message' }).first().click();
  await eventually(
    () => app.prisma.automationRule.findFirst({ where: { tenantId: tenant.tenantId, kind: 'away', isEnabled: true } }),
    'the away rule',
  );
});

async function expectChecked(page: Page, checked: boolean) {
  await eventually(
    async () => (await page.getByRole('switch', { name: 'Enable Opening hours' }).isChecked()) === checked,
    'the switch',
  );
}
