// The node inspector in the builder: select a node on the canvas, edit it in the right-hand panel
// (a variable inserted at the caret, a renamed button that keeps its id and edge, the 3-button
// limit), see the draft saved, and send an HTTP node's test request to a real local API.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { eventually } from '../../support/eventually.ts';
import { createFlow } from '../../support/seed/flow.ts';
import type { SeededTenant } from '../../support/seed/tenant.ts';
import { startSignedInBrowser, type SignedInBrowser } from '../../support/signed-in-browser.ts';
import type { TestApp } from '../../support/test-app.ts';

jest.setTimeout(180_000);

let app: TestApp;
let session: SignedInBrowser;
let page: Page;
let tenant: SeededTenant;
let repairsApi: Server;
let flowId: string;
const lookups: string[] = [];

function repairDocument(apiBase: string) {
  const node = (id: string, type: string, x: number, data: Record<string, unknown>) => ({
    id,
    type,
    position: { x, y: 0 },
    data,
  });
  return {
    schemaVersion: 2,
    name: 'Repairs',
    trigger: { type: 'manual' },
    variables: [{ name: 'email' }],
    nodes: [
      node('start', 'start', 0, {}),
      node('menu', 'buttons', 300, { body: 'How can we help?', buttons: [{ id: 'repair', title: 'Book a repair' }] }),
      node('lookup', 'http_request', 650, {
        url: `${apiBase}/repairs?email={{vars.email}}`,
        responseMapping: [{ variable: 'ready_date', path: 'ready_date' }],
      }),
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'menu' },
      { id: 'e2', source: 'menu', sourceHandle: 'button:repair', target: 'lookup' },
    ],
  };
}

beforeAll(async () => {
  repairsApi = createServer((req, res) => {
    lookups.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ready', ready_date: 'Friday' }));
  });
  await new Promise<void>((resolve) => repairsApi.listen(0, '127.0.0.1', resolve));
  session = await startSignedInBrowser('Inspector Cycles');
  ({ app, page, tenant } = session);
  await page.setViewportSize({ width: 1440, height: 900 });
  const apiBase = `http://127.0.0.1:${(repairsApi.address() as AddressInfo).port}`;
  flowId = await createFlow(app.http, tenant.token, repairDocument(apiBase), { publish: false });
});
afterAll(async () => {
  await session?.stop();
  repairsApi?.close();
});

const inspector = () => page.getByRole('region', { name: /^(Buttons|HTTP request)$/ });
const draftNode = async (id: string) => {
  const flow = await app.http.get(`/api/flows/${flowId}`, { token: tenant.token });
  return flow.body.draft.nodes.find((n: { id: string }) => n.id === id);
};

it('[builder] edits the selected node in the inspector and saves it to the draft', async () => {
  await page.goto(`${app.url}/flows/${flowId}`);
  await page.locator('[data-testid="flow-node"][data-node-id="menu"]').click();
  await page.getByRole('heading', { name: 'Buttons' }).waitFor();

  // A variable goes in where the caret is.
  const message = page.getByLabel('Message', { exact: true });
  await message.fill('Hi ! How can we help?');
  await message.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(3, 3));
  await page.getByRole('button', { name: 'Insert a variable into Message' }).click();
  await page.getByRole('button', { name: /^Name/ }).click();
  await waitForValue(message, 'Hi {{contact.name}}! How can we help?');

  // Renaming keeps the id (the edge stays on `button:repair`); the third button is the last one.
  await page.getByLabel('Button 1 title').fill('Repairs');
  await page.getByRole('button', { name: 'Add a button' }).click();
  await page.getByRole('button', { name: 'Add a button' }).click();
  expect(await page.getByRole('button', { name: 'Add a button' }).isDisabled()).toBe(true);
  await page.getByText('WhatsApp allows at most 3 buttons in one message.').waitFor();
  await page.getByLabel('Button 3 title').fill('A title far too long for WhatsApp');
  await page.getByText('This is 33 characters; WhatsApp allows 20.').waitFor();
  await page.getByRole('button', { name: 'Remove Button 3' }).click();
  await page.screenshot({ path: '/tmp/inspector-buttons.png' });

  const saved = await eventually(async () => {
    const node = await draftNode('menu');
    return node?.data.buttons.length === 2 && node.data.body.includes('{{contact.name}}') ? node : null;
  }, 'the edited buttons to be saved in the draft');
  expect(saved.data.buttons[0]).toEqual({ id: 'repair', title: 'Repairs' });
  expect(saved.data.buttons[1].id).toMatch(/^button_[a-z0-9]{6}$/);
  const flow = await app.http.get(`/api/flows/${flowId}`, { token: tenant.token });
  expect(flow.body.draft.edges).toContainEqual(
    expect.objectContaining({ source: 'menu', sourceHandle: 'button:repair' }),
  );
});

it('[builder] sends an HTTP node’s test request and shows the answer and the mapped values', async () => {
  await page.locator('[data-testid="flow-node"][data-node-id="lookup"]').click();
  await page.getByRole('heading', { name: 'HTTP request' }).waitFor();
  await page.getByLabel('Test value for email').fill('rosa@example.com');
  await page.getByRole('button', { name: 'Send test request' }).click();
  const result = page.getByRole('region', { name: 'Test response' });
  await result.getByText('Status 200').waitFor();
  await result.getByText('"ready_date": "Friday"').waitFor();
  await page.getByRole('definition').filter({ hasText: 'Friday' }).waitFor();
  await inspector().evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.screenshot({ path: '/tmp/inspector-http.png' });
  expect(lookups).toEqual(['/repairs?email=rosa%40example.com']);
});

/** Waits for an input's value (React applies an inserted reference after the click). */
async function waitForValue(locator: Locator, value: string): Promise<void> {
  await eventually(async () => (await locator.inputValue()) === value, `the value ${JSON.stringify(value)}`, 5000);
}
