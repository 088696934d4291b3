// Settings → Webhooks in the owner's browser: a subscription to a receiver on this machine,
// created with a URL typo named at the field, its secret shown once; a test event delivered and
// its attempt inspected; then the receiver failing, the failure in the log, and a replay that
// gets through.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { eventually } from '../../support/eventually.ts';
import { startSignedInBrowser, type SignedInBrowser } from '../../support/signed-in-browser.ts';
import type { TestApp } from '../../support/test-app.ts';

jest.setTimeout(240_000);

let session: SignedInBrowser;
let app: TestApp;
let page: Page;
let receiver: Server;
const received: Array<{ signature: string | undefined; body: string }> = [];
let answer = 200;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ signature: req.headers['parley-signature'] as string | undefined, body });
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer === 200 ? 'thanks' : 'receiver down');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  session = await startSignedInBrowser('Webhook Shop');
  ({ app, page } = session);
});
afterAll(async () => {
  await session?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

const receiverUrl = () => `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/parley`;

/** Refreshes the log until a delivery shows `status` (deliveries finish in the background). */
async function waitForDelivery(status: string, count = 1): Promise<void> {
  const deliveries = page.getByTestId('webhook-delivery').filter({ hasText: status });
  await eventually(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.waitForTimeout(300);
    return (await deliveries.count()) >= count;
  }, `${count} delivery(ies) ${status}`);
}

it('[settings] a webhook receives a test event, shows a failure in its log, and a replay gets through', async () => {
  await page.goto(`${app.url}/settings/webhooks`);
  await page.getByText('No webhooks yet').waitFor();

  await page.getByRole('button', { name: 'New webhook' }).click();
  const dialog = page.getByRole('dialog', { name: 'New webhook' });
  await dialog.getByLabel('Name').fill('CRM sync');
  await dialog.getByLabel('URL').fill('ftp://example.com/hook');
  await dialog.getByLabel('Contact created').check();
  await dialog.getByLabel('Attempts per event').fill('1');
  await dialog.getByRole('button', { name: 'Create webhook' }).click();
  await dialog.getByText('must be an http or https URL').waitFor();
  await dialog.getByLabel('URL').fill(receiverUrl());
  await dialog.getByRole('button', { name: 'Create webhook' }).click();

  const reveal = page.getByRole('dialog', { name: "Your webhook's signing secret" });
  expect(await reveal.getByTestId('webhook-secret').textContent()).toMatch(/\S{20,}/);
  await reveal.getByRole('button', { name: 'Done' }).click();

  const row = page.getByRole('table', { name: 'Webhooks' }).getByRole('row').filter({ hasText: 'CRM sync' });
  await row.filter({ hasText: 'Enabled' }).filter({ hasText: 'Contact created' }).waitFor();
  await row.getByRole('link', { name: 'CRM sync' }).click();
  await page.getByRole('heading', { level: 1, name: 'CRM sync' }).waitFor();
  await page.getByText('No deliveries yet').waitFor();

  await page.getByRole('button', { name: 'Send test event' }).click();
  await page.getByTestId('webhook-notice').filter({ hasText: 'Test event sent' }).waitFor();
  await waitForDelivery('Succeeded');
  expect(received).toHaveLength(1);
  expect(received[0]!.signature).toMatch(/^t=\d+,v1=[0-9a-f]+$/);
  expect(JSON.parse(received[0]!.body)).toMatchObject({ type: 'webhook.test' });

  const delivered = page.getByTestId('webhook-delivery').first();
  await delivered.getByRole('button', { name: 'Show attempts' }).click();
  const attempt = delivered.getByTestId('webhook-attempt').first();
  await attempt.filter({ hasText: 'HTTP 200' }).waitFor();
  await attempt.getByText('Response body').click();
  await attempt.getByText('thanks').waitFor();

  answer = 503;
  await page.getByRole('button', { name: 'Send test event' }).click();
  await waitForDelivery('Failed');
  await page.getByLabel('Delivery status').selectOption({ label: 'Failed' });
  const failed = page.getByTestId('webhook-delivery');
  await failed.first().filter({ hasText: 'last HTTP 503' }).waitFor();
  expect(await failed.count()).toBe(1);

  answer = 200;
  await failed.first().getByRole('button', { name: 'Replay' }).click();
  await page.getByLabel('Delivery status').selectOption({ label: 'All' });
  await waitForDelivery('Succeeded', 2);
  await page
    .getByTestId('webhook-delivery')
    .filter({ hasText: 'replayed 1×' })
    .filter({ hasText: 'Succeeded' })
    .waitFor();
  expect(received).toHaveLength(3);

  const stats = page.getByRole('table', { name: 'Delivery statistics' });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await stats
    .getByRole('row', { name: /Last 24 hours/ })
    .filter({ hasText: '100%' })
    .waitFor();
});
