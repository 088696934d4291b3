// The builder as a new user meets it: a lead-qualification flow (greeting, ask the name, ask the
// e-mail with validation, buttons for the interest, an HTTP call to the company's CRM, hand-off to
// a person) built in the browser, one output wired by dragging, tested in the chat, published and
// chatted through on the Sandbox phone.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { eventually } from '../../support/eventually.ts';
import { startSignedInBrowser, type SignedInBrowser } from '../../support/signed-in-browser.ts';

jest.setTimeout(240_000);

let session: SignedInBrowser;
let page: Page;
let crm: Server;
const leads: unknown[] = [];

beforeAll(async () => {
  crm = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      leads.push({ url: req.url, body: JSON.parse(body || 'null') });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `lead-${leads.length}` }));
    });
  });
  await new Promise<void>((resolve) => crm.listen(0, '127.0.0.1', resolve));
  session = await startSignedInBrowser('Acme Robotics');
  page = session.page;
  await page.setViewportSize({ width: 1680, height: 1000 });
});
afterAll(async () => {
  await session?.stop();
  crm?.close();
});

const inspector = () => page.locator('.flow-inspector');
const field = (label: string) => inspector().getByLabel(label, { exact: true });
const card = (type: string) => page.locator(`[data-testid="flow-node"][data-node-type="${type}"]`);

async function select(node: Locator) {
  await page.getByRole('button', { name: 'Fit View' }).click();
  await node.locator('.fb-node-header').click();
  await inspector().waitFor();
}

async function addAfterSelected(label: string) {
  const palette = page.getByRole('complementary', { name: 'Node palette' });
  await palette.getByRole('button', { name: label, exact: true }).click();
  await inspector().waitFor();
}

async function openSection(name: string) {
  const toggle = inspector().getByRole('button', { name });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') {
    await toggle.click();
  }
}

/** Drags from an output handle to another card's input, as a user wires a connection. */
async function connect(from: Locator, handle: string, to: Locator) {
  await page.getByRole('button', { name: 'Fit View' }).click();
  const source = (await from.locator(`.react-flow__handle[data-handleid="${handle}"]`).boundingBox())!;
  const target = (await to.locator('.react-flow__handle.target').boundingBox())!;
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
}

it('[e2e] a new user builds, tests, publishes and chats through a lead-qualification flow', async () => {
  const crmUrl = `http://127.0.0.1:${(crm.address() as AddressInfo).port}`;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows' }).click();
  await page.getByRole('button', { name: 'New flow' }).click();
  await page.getByLabel('Flow name').fill('Lead qualification');
  await page.getByRole('button', { name: 'Create and open' }).click();

  await select(card('start'));
  await addAfterSelected('Send text');
  await field('Message').fill('Hi! I am the Acme assistant 🤖');
  await addAfterSelected('Ask a question');
  await field('Question').fill('What is your name?');
  await field('Save the answer as').fill('name');
  await addAfterSelected('Ask a question');
  await field('Question').fill('Thanks {{vars.name}}! What is your e-mail address?');
  await field('Expected answer').selectOption('email');
  await field('Save the answer as').fill('email');
  await field('When the answer does not fit, say').fill('That does not look like an e-mail address. Try again?');
  await addAfterSelected('Buttons');
  await field('Message').fill('What are you interested in?');
  await field('Button 1 Title').fill('Pricing');
  await inspector().getByRole('button', { name: 'Add a button' }).click();
  await field('Button 2 Title').fill('A demo');
  await openSection('Answer handling');
  await field('Save the answer as').fill('interest');
  await addAfterSelected('HTTP request'); // from the first button
  await field('Method').selectOption('POST');
  await field('URL').fill(`${crmUrl}/leads`);
  await field('Body (JSON)').fill(
    '{"name": "{{vars.name}}", "email": "{{vars.email}}", "interest": "{{vars.interest}}"}',
  );
  await addAfterSelected('Hand off to a person'); // from the request's success
  await field('Message to the customer').fill('Thanks {{vars.name}}! Someone from our team will write to you here.');

  await page.getByRole('button', { name: 'Fit View' }).click();
  const demoHandle = await card('buttons').locator('.react-flow__handle.source').nth(1).getAttribute('data-handleid');
  await connect(card('buttons'), demoHandle!, card('http_request'));

  await page.getByRole('button', { name: 'Trigger & settings' }).click();
  await page.getByLabel('Start this flow').selectOption('keyword');
  await page.getByRole('button', { name: 'Add keyword' }).click();
  await page.getByLabel('Keyword 1', { exact: true }).fill('info');
  await eventually(() => page.getByRole('button', { name: 'Publish' }).isEnabled(), 'Publish to be enabled');

  await page.getByRole('button', { name: 'Test', exact: true }).click();
  await page.getByRole('button', { name: 'Start test' }).click();
  const chat = page.getByLabel('Test chat');
  const answer = async (text: string, expected: string) => {
    await page.getByLabel('Test message').fill(text);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await chat.getByText(expected).last().waitFor({ timeout: 30_000 });
  };
  await chat.getByText('What is your name?').waitFor({ timeout: 30_000 });
  await answer('Ana', 'Thanks Ana! What is your e-mail address?');
  await answer('ana at acme', 'That does not look like an e-mail address');
  await answer('ana@example.com', 'What are you interested in?');
  await page.locator('.fb-choices').getByRole('button', { name: 'A demo' }).click();
  await chat.getByText('Someone from our team will write to you here.').waitFor({ timeout: 30_000 });
  expect(leads.at(-1)).toEqual({
    url: '/leads',
    body: { name: 'Ana', email: 'ana@example.com', interest: 'A demo' },
  });

  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Live · v1').waitFor();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sandbox' }).click();
  await page.getByRole('button', { name: 'New customer' }).click();
  await page.getByLabel('Customer name').fill('Leo Prospect');
  await page.getByRole('button', { name: 'Add customer' }).click();
  await page
    .getByRole('button', { name: /Leo Prospect/ })
    .first()
    .click();
  const botSays = (text: string) =>
    page.locator('[data-testid="bubble"][data-from="business"]', { hasText: text }).last().waitFor();
  const say = async (text: string) => {
    await page.getByLabel('Message').fill(text);
    await page.getByRole('button', { name: 'Send' }).click();
  };
  await say('info');
  await botSays('What is your name?');
  await say('Leo');
  await botSays('Thanks Leo! What is your e-mail address?');
  await say('leo@example.org');
  await botSays('What are you interested in?');
  await page.getByRole('button', { name: 'Pricing' }).click();
  await botSays('Thanks Leo! Someone from our team will write to you here.');
  expect(leads.at(-1)).toEqual({
    url: '/leads',
    body: { name: 'Leo', email: 'leo@example.org', interest: 'Pricing' },
  });
});
