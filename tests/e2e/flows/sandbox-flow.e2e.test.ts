// The flow engine's "done when" in the browser: a customer on the Sandbox phone walks the published
// 10-node bike-shop flow (tests/fixtures/flows): a keyword trigger, reply buttons, an e-mail
// question that refuses a wrong answer, and an HTTP lookup whose answer picks the last message.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildWebApp, launchBrowser } from '../../support/browser.ts';
import { eventually } from '../../support/eventually.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

jest.setTimeout(180_000);
const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'flows', 'bike-shop-10-nodes.json');

let app: TestApp;
let browser: Browser;
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
  const [webDistDir, launched] = await Promise.all([buildWebApp(), launchBrowser()]);
  browser = launched;
  app = await startTestApp({}, { webDistDir });
  tenant = await signUpTenant(app.http, { workspaceName: 'Spoke & Chain' });

  const document = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  document.variables = [
    { name: 'api_base', defaultValue: `http://127.0.0.1:${(repairsApi.address() as AddressInfo).port}` },
  ];
  const flow = await app.http.post('/api/flows/import', { document }, { token: tenant.token });
  expect(flow.status).toBe(201);
  expect((await app.http.post(`/api/flows/${flow.body.id}/publish`, {}, { token: tenant.token })).status).toBeLessThan(
    300,
  );
  expect((await app.http.post(`/api/flows/${flow.body.id}/activate`, {}, { token: tenant.token })).status).toBeLessThan(
    300,
  );

  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${app.url}/login`);
  await page.getByLabel('E-mail').fill(tenant.email);
  await page.getByLabel('Password').fill(tenant.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
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
