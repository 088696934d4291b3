// A marketer writes a template in the browser: the rules answer while typing (a missing sample,
// the counters), the preview shows the WhatsApp bubble, and once submitted the list shows it
// pending and then approved by WhatsApp's review (the simulator's webhook) without a reload.
import type { Page } from 'playwright-core';
import { eventually } from '../../support/eventually.ts';
import { startSignedInBrowser, type SignedInBrowser } from '../../support/signed-in-browser.ts';
import type { TestApp } from '../../support/test-app.ts';

jest.setTimeout(240_000);

let session: SignedInBrowser;
let app: TestApp;
let page: Page;

beforeAll(async () => {
  session = await startSignedInBrowser('Template Shop');
  ({ app, page } = session);
});
afterAll(async () => {
  await session?.stop();
});

it('[templates] create a template, submit it, see it approved', async () => {
  await page.goto(`${app.url}/templates`);
  await page.getByText('No templates yet').waitFor();
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByRole('heading', { level: 1, name: 'New template' }).waitFor();

  await page.getByLabel('Name').fill('Order Shipped');
  await page.getByLabel('Message').fill('Hi *there*, your order has shipped today.');
  await page.getByText('may only contain lowercase letters').waitFor();
  await page.getByLabel('Name').fill('order_shipped');

  // A variable at the cursor: {{1}}, with its sample field and a problem until it is filled.
  await page.getByLabel('Message').click();
  await page.getByLabel('Message').press('End');
  await page.getByRole('button', { name: 'Add variable' }).click();
  await page.getByText('cannot end with a variable').waitFor();
  await page.getByLabel('Message').press('End');
  await page.getByLabel('Message').pressSequentially(' Thanks!');
  await page.getByText('a sample value for {{1}} is required').waitFor();
  await page.getByLabel('Sample for {{1}}').fill('#1042');
  await expect(page.getByTestId('tpl-body-count').textContent()).resolves.toBe('54/1024');
  await page.getByLabel('Footer text').fill('Parley Template Shop');
  await page.getByRole('button', { name: 'Quick reply' }).click();
  await page.getByLabel('Label').fill('Thanks');

  // The preview: the sample in place of {{1}}, WhatsApp's bold, the footer and the button.
  const preview = page.getByTestId('template-preview');
  await eventually(
    async () => (await preview.textContent())?.includes('Hi there, your order has shipped today.#1042 Thanks!'),
    'the body with its sample in the preview',
  );
  await expect(preview.locator('strong').textContent()).resolves.toBe('there');
  await expect(preview.textContent()).resolves.toContain('Parley Template Shop');
  await page.getByLabel('WhatsApp preview').getByText('Thanks', { exact: true }).waitFor();

  await page.getByRole('button', { name: 'Submit for review' }).click();
  await page.getByText('Submitted to WhatsApp for review').waitFor();
  await page.getByRole('button', { name: 'Back to templates' }).click();
  const row = page.getByTestId('template-row-order_shipped');
  await row.waitFor();
  // The simulator reviews it after a short delay; the webhook's live event updates the list.
  await row.getByText('Approved').waitFor({ timeout: 30_000 });
  const stored = await eventually(
    () => app.prisma.messageTemplate.findFirst({ where: { name: 'order_shipped', status: 'approved' } }),
    'the approved template',
  );
  expect(stored.providerTemplateId).not.toBeNull();

  // A template WhatsApp rejects shows the reason in the list, live.
  const token = session.tenant.token;
  const created = await app.http.post(
    '/api/templates',
    {
      channelId: stored.channelId,
      name: 'sure_thing',
      language: 'en',
      category: 'marketing',
      definition: { body: { text: 'Results are guaranteed for everyone this week.' } },
    },
    { token },
  );
  expect(created.status).toBe(201);
  expect((await app.http.post(`/api/templates/${created.body.id}/submit`, {}, { token })).status).toBe(200);
  const rejected = page.getByTestId('template-row-sure_thing');
  await rejected.getByText('Rejected').waitFor({ timeout: 30_000 });
  await rejected.getByText(/Invalid format: .*guaranteed/).waitFor();
  await rejected.getByRole('link', { name: 'sure_thing' }).click();
  await page
    .getByTestId('rejection-reason')
    .getByText(/guaranteed/)
    .first()
    .waitFor();
});
