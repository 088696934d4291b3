// The flow engine's "done when" in the browser: a customer on the Sandbox phone walks the published
// 10-node bike-shop flow (tests/fixtures/flows): a keyword trigger, reply buttons, an e-mail
// question that refuses a wrong answer, and an HTTP lookup whose answer picks the last message.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { eventually } from '../../support/eventually.ts';
import type { SeededTenant } from '../../support/seed/tenant.ts';
import { startSignedInBrowser, type SignedInBrowser } from '../../support/signed-in-browser.ts';
import type { TestApp } from '../../support/test-app.ts';

jest.setTimeout(180_000);
const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'flows', 'bike-shop-10-nodes.json');

let app: TestApp;
let session: SignedInBrowser;
let page: Page;
let tenant: SeededTenant;
let repairsApi: Server;
const lookups: string[] = [];

beforeAll(async () => {
  repairsApi = createServer((req, res) => {
    lookups.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ready', ready_date: 'Friday' }));
  });
  await new Promise<void>((resolve) => repairsApi.listen(0, '127.0.0.1', resolve));
  session = await startSignedInBrowser('Spoke & Chain');
  ({ app, page, tenant } = session);

  const document = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  document.variables = [
    { name: 'api_base', defaultValue: `http://127.0.0.1:${(repairsApi.address() as AddressInfo).port}` },
  ];
  const flow = await app.http.post('/api/flows/import', { document }, { token: tenant.token });
  expect(flow.status).toBe(201);
  // Publishing switches the flow on: its keyword trigger answers from now on.
  expect((await app.http.post(`/api/flows/${flow.body.id}/publish`, {}, { token: tenant.token })).status).toBe(200);
});
afterAll(async () => {
  await session?.stop();
  repairsApi?.close();
});

it('[e2e] a customer books a repair through the bike-shop flow on the Sandbox phone', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sandbox' }).click();
  await page.getByRole('button', { name: 'New customer' }).click();
  await page.getByLabel('Customer name').fill('Rosa Rider');
  await page.getByRole('button', { name: 'Add customer' }).click();
  await page
    .getByRole('button', { name: /Rosa Rider/ })
    .first()
    .click();
  const botSays = (text: string | RegExp) =>
    page.locator('[data-testid="bubble"][data-from="business"]', { hasText: text }).last().waitFor();

  await page.getByLabel('Message').fill('hi');
  await page.getByRole('button', { name: 'Send' }).click();
  await botSays('Hi Rosa Rider! Welcome to Spoke & Chain');
  await botSays('How can we help you today?');

  await page.getByRole('button', { name: 'Book a repair' }).click();
  await botSays('What email address did you use');

  await page.getByLabel('Message').fill('rosa at example');
  await page.getByRole('button', { name: 'Send' }).click();
  await botSays("doesn't look like an email address");

  await page.getByLabel('Message').fill('rosa@example.com');
  await page.getByRole('button', { name: 'Send' }).click();
  await botSays('your bike is ready for pickup since Friday');

  expect(lookups).toEqual(['/repairs?email=rosa%40example.com']);
  const session = await eventually(async () => {
    const flows = await app.http.get('/api/flows', { token: tenant.token });
    const sessions = await app.http.get(`/api/flows/${flows.body.items[0].id}/sessions`, { token: tenant.token });
    return sessions.body.items[0]?.status === 'completed' ? sessions.body.items[0] : null;
  }, 'the session to complete');
  expect(session.status).toBe('completed');
});
