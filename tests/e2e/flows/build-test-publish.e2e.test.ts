// The builder's "done when", in Chromium: from an empty canvas a user builds a flow with a
// question, a condition and buttons, sees a validation error appear and clear, tests it in the
// chat beside the canvas (the path lights up), publishes it, and a customer on the Sandbox phone
// walks it.
import type { Locator, Page } from 'playwright-core';
import { eventually } from '../../support/eventually.ts';
import type { SeededTenant } from '../../support/seed/tenant.ts';
import { startSignedInBrowser, type SignedInBrowser } from '../../support/signed-in-browser.ts';
import type { TestApp } from '../../support/test-app.ts';

jest.setTimeout(240_000);

let app: TestApp;
let session: SignedInBrowser;
let page: Page;
let tenant: SeededTenant;

beforeAll(async () => {
  session = await startSignedInBrowser('Northwind Software');
  ({ app, page, tenant } = session);
  await page.setViewportSize({ width: 1680, height: 1000 });
});
afterAll(async () => {
  await session?.stop();
});

const inspector = () => page.locator('.flow-inspector');
const card = (type: string) => page.locator(`[data-testid="flow-node"][data-node-type="${type}"]`);
const problems = () => page.getByRole('region', { name: 'Problems' });

/** Selects a card (fitting the view first, so it is on screen) and waits for its inspector. */
async function select(node: Locator) {
  await page.getByRole('button', { name: 'Fit View' }).click();
  await node.locator('.fb-node-header').click();
  await inspector().waitFor();
}

/** Adds a node from the palette after the selected node (connected from its first free output). */
async function addAfterSelected(label: string) {
  await page
    .getByRole('complementary', { name: 'Node palette' })
    .getByRole('button', { name: label, exact: true })
    .click();
  await inspector().waitFor();
}

it('[e2e] a flow built from an empty canvas is tested, published and walked on the Sandbox phone', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows' }).click();
  await page.getByRole('button', { name: 'Create your first flow' }).click();
  await page.getByLabel('Flow name').fill('Sales qualification');
  await page.getByRole('button', { name: 'Create and open' }).click();
  await card('start').waitFor();

  // Start → question → condition → buttons; the condition's other branch → a text.
  await select(card('start'));
  await addAfterSelected('Ask a question');
  await inspector().getByLabel('Question', { exact: true }).fill('How many people work at your company?');
  await inspector().getByLabel('Expected answer', { exact: true }).selectOption('number');
  await inspector().getByLabel('Save the answer as', { exact: true }).fill('team_size');

  await addAfterSelected('Condition');
  await inspector().getByRole('button', { name: 'Add a condition' }).click();
  await inspector().getByLabel('Condition 1 Check', { exact: true }).selectOption('var');
  await inspector().getByLabel('Condition 1 Variable', { exact: true }).fill('team_size');
  await inspector().getByLabel('Condition 1 Comparison', { exact: true }).selectOption('greater_than');
  await inspector().getByLabel('Condition 1 Value', { exact: true }).fill('50');

  // A new Buttons node has no message yet: an error appears on it and in the problems list.
  await addAfterSelected('Buttons');
  await card('buttons').and(page.locator('.has-error')).waitFor();
  await problems()
    .getByRole('button', { name: /needs|empty|message/i })
    .first()
    .waitFor();
  expect(await page.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
  await inspector().getByLabel('Message', { exact: true }).fill('Shall one of our specialists call you today?');
  await inspector().getByLabel('Button 1 Title', { exact: true }).fill('Yes please');
  await inspector().getByRole('button', { name: 'Add a button' }).click();
  await inspector().getByLabel('Button 2 Title', { exact: true }).fill('Not now');
  await eventually(
    async () => !(await card('buttons').getAttribute('class'))?.includes('has-error'),
    'the error to clear from the Buttons node',
  );
  expect(
    await problems()
      .getByRole('button', { name: /needs|empty|message/i })
      .count(),
  ).toBe(0);
  await addAfterSelected('Send text');
  await inspector().getByLabel('Message', { exact: true }).fill('Great! A specialist will call you today.');

  await select(card('condition'));
  await addAfterSelected('Send text'); // the condition's first free output: false
  await inspector()
    .getByLabel('Message', { exact: true })
    .fill('Our Starter plan fits you best: parley.example/starter');

  // Trigger: the keyword "sales".
  await page.getByRole('button', { name: 'Trigger & settings' }).click();
  await page.getByLabel('Start this flow').selectOption('keyword');
  await page.getByRole('button', { name: 'Add keyword' }).click();
  await page.getByLabel('Keyword 1', { exact: true }).fill('sales');
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await eventually(() => page.getByRole('button', { name: 'Publish' }).isEnabled(), 'Publish to be enabled');

  // The test chat: answers go through the Sandbox number; the path lights up on the canvas.
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  await page.getByRole('button', { name: 'Start test' }).click();
  const testChat = page.getByLabel('Test chat');
  await testChat.getByText('How many people work at your company?').waitFor({ timeout: 30_000 });
  await page.getByLabel('Test message').fill('120');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await testChat.getByText('Shall one of our specialists call you today?').waitFor({ timeout: 30_000 });
  await page.locator('.fb-choices').getByRole('button', { name: 'Yes please' }).click();
  await testChat.getByText('Great! A specialist will call you today.').waitFor({ timeout: 30_000 });
  await testChat.getByText('The flow finished.').waitFor();
  expect(await page.locator('.fb-node.is-on-path').count()).toBe(4); // question, condition, buttons, text

  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByLabel('What changed? (optional)').fill('First version');
  await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Live · v1').waitFor();

  // A customer on the Sandbox phone.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sandbox' }).click();
  await page.getByRole('button', { name: 'New customer' }).click();
  await page.getByLabel('Customer name').fill('Dana Buyer');
  await page.getByRole('button', { name: 'Add customer' }).click();
  await page
    .getByRole('button', { name: /Dana Buyer/ })
    .first()
    .click();
  const botSays = (text: string) =>
    page.locator('[data-testid="bubble"][data-from="business"]', { hasText: text }).last().waitFor();
  await page.getByLabel('Message').fill('sales');
  await page.getByRole('button', { name: 'Send' }).click();
  await botSays('How many people work at your company?');
  await page.getByLabel('Message').fill('8');
  await page.getByRole('button', { name: 'Send' }).click();
  await botSays('Our Starter plan fits you best');

  const flows = await app.http.get('/api/flows', { token: tenant.token });
  const published = flows.body.items.find((f: { name: string }) => f.name === 'Sales qualification');
  const versions = await app.http.get(`/api/flows/${published.id}/versions`, { token: tenant.token });
  expect(versions.body.items).toEqual([expect.objectContaining({ version: 1, note: 'First version', isActive: true })]);
});
