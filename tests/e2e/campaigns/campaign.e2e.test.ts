// A marketer builds a campaign in the browser: the editor names what is missing at each field,
// the live estimate counts who the audience reaches (opted-out contacts are not), a template's
// variable is bound to the contact's name and previewed for one of them, and weights that do not
// add up are refused. Scheduled a minute ahead, it shows on the calendar, and its results page
// follows it live until every reachable contact has it (the opted-out one skipped); the recipients
// download as CSV.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { eventually } from '../../support/eventually.ts';
import { inviteAndJoin } from '../../support/seed/invite.ts';
import { startSignedInBrowser, type SignedInBrowser } from '../../support/signed-in-browser.ts';
import type { TestApp } from '../../support/test-app.ts';

jest.setTimeout(300_000);

let session: SignedInBrowser;
let app: TestApp;
let page: Page;
let channelId: string;

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const CONTACTS = [
  { name: 'Ana', optInStatus: 'opted_in' },
  { name: 'Bea', optInStatus: 'opted_in' },
  { name: 'Caio', optInStatus: 'opted_in' },
  { name: 'Dora', optInStatus: 'opted_out' },
];

beforeAll(async () => {
  session = await startSignedInBrowser('Campaign Shop');
  ({ app, page } = session);
  const { tenantId, token } = session.tenant;
  for (const [index, contact] of CONTACTS.entries()) {
    await app.prisma.contact.create({
      data: {
        tenantId,
        waId: `4479222345${index}0`,
        phone: `+4479222345${index}0`,
        name: contact.name,
        optInStatus: contact.optInStatus,
        optInAt: contact.optInStatus === 'opted_in' ? new Date() : null,
        tags: ['vip'],
      },
    });
  }
  // Somebody outside the audience, who must not get it.
  await app.prisma.contact.create({
    data: { tenantId, waId: '447922234590', phone: '+447922234590', name: 'Eve', optInStatus: 'opted_in', tags: [] },
  });
  const sandbox = await app.prisma.channel.findFirstOrThrow({ where: { tenantId, kind: 'sandbox' } });
  channelId = sandbox.id;
  // hello_world, approved at WhatsApp, arrives with a sync; a template with a variable is approved here.
  expect((await app.http.post('/api/templates/sync', {}, { token })).status).toBe(200);
  await eventually(
    () => app.prisma.messageTemplate.findFirst({ where: { tenantId, name: 'hello_world', status: 'approved' } }),
    'hello_world approved after a sync',
  );
  const created = await app.http.post(
    '/api/templates',
    {
      channelId,
      name: 'order_ready',
      language: 'en',
      category: 'marketing',
      definition: { body: { text: 'Hi {{1}}, your order is ready to collect.', examples: { '1': 'Sam' } } },
    },
    { token },
  );
  expect(created.status).toBe(201);
  await app.prisma.messageTemplate.update({ where: { id: created.body.id }, data: { status: 'approved' } });
  // A template with an image header, its sample from the media library.
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'spring.png');
  const uploaded = await fetch(`${app.url}/api/media`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  expect(uploaded.status).toBe(201);
  const sample = (await uploaded.json()) as { id: string };
  const withImage = await app.http.post(
    '/api/templates',
    {
      channelId,
      name: 'spring_sale',
      language: 'en',
      category: 'marketing',
      definition: { header: { format: 'image', mediaId: sample.id }, body: { text: 'Our spring sale starts today.' } },
    },
    { token },
  );
  expect(withImage.status).toBe(201);
  await app.prisma.messageTemplate.update({ where: { id: withImage.body.id }, data: { status: 'approved' } });
});
afterAll(async () => {
  await session?.stop();
});

/** The next whole minute at least 45 s away, as a UTC wall-clock time for datetime-local. */
function startTime(): { local: string; at: Date } {
  const at = new Date(Math.ceil((Date.now() + 45_000) / 60_000) * 60_000);
  return { local: at.toISOString().slice(0, 16), at };
}

it('[campaigns] build, schedule, see on the calendar and watch a campaign finish live', async () => {
  await page.goto(`${app.url}/campaigns`);
  await page.getByText('No campaigns yet').waitFor();
  await page.getByRole('button', { name: 'New campaign' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'New campaign' }).waitFor();

  // Nothing filled in: each problem at its field.
  await page.getByRole('button', { name: 'Launch…' }).click();
  await page.getByText('Name is required').waitFor();
  await page.getByText('Channel is required').waitFor();
  await page
    .getByText(/choose at least one segment, group or tag, or all contacts/)
    .first()
    .waitFor();
  await page.getByText('Template is required').waitFor();

  // As Meta would report a new number: 250 new customers per 24 hours.
  await app.prisma.channel.update({ where: { id: channelId }, data: { messagingLimitTier: 'TIER_250' } });
  await page.getByLabel('Name', { exact: true }).fill('Winter sale');
  await page.getByLabel('Channel').selectOption(channelId);
  await page.getByLabel('Include tags').fill('vip');
  // The estimate: four tagged contacts, three opted in; Dora opted out.
  await page.getByTestId('estimate-matched').filter({ hasText: /^4$/ }).waitFor();
  await page.getByTestId('estimate-reachable').filter({ hasText: /^3$/ }).waitFor();
  await page.getByTestId('estimate-messaging-limit').getByText('250 of 250 customers per 24 h').waitFor();

  // A template with a variable: bound to the contact's name, previewed for a contact of the audience.
  await page.getByLabel('Template', { exact: true }).selectOption({ label: 'order_ready (en)' });
  const preview = page.getByTestId('template-preview');
  await eventually(
    async () => /^Hi (Ana|Bea|Caio|Dora), your order is ready to collect\./.test((await preview.textContent()) ?? ''),
    'the preview with a contact’s name',
  );
  await page.getByLabel('Variable {{1}}').selectOption('text');
  await page.getByLabel('Text', { exact: true }).fill('friend');
  await preview.getByText('Hi friend, your order is ready to collect.').waitFor();

  // Two variants whose weights do not add up are refused.
  await page.getByRole('button', { name: 'Add variant' }).click();
  await page.getByLabel('Weight of B (%)').fill('30');
  await page.getByTestId('weights-total').getByText('Weights add up to 80%: they must add up to 100%.').waitFor();
  await page.getByRole('button', { name: 'Launch…' }).click();
  await page.getByText('weights must add up to 100 (now 80)').waitFor();
  await page.getByRole('button', { name: 'Remove B' }).click();

  // An image-header template sends its own image unless another library file is chosen; the preview shows it.
  await page.getByLabel('Template', { exact: true }).selectOption({ label: 'spring_sale (en)' });
  await expect(page.getByLabel('Header image').inputValue()).resolves.toBe('');
  await page.getByLabel('Header image').getByText('The template’s own image').waitFor({ state: 'attached' });
  await page.getByTestId('template-preview').getByAltText('Header sample').waitFor();

  // hello_world for the send (WhatsApp's own sample, approved at the simulator).
  await page.getByLabel('Template', { exact: true }).selectOption({ label: 'hello_world (en_US)' });
  await page.getByLabel('Once, at a date and time').check();
  await page.getByLabel('Time zone', { exact: true }).selectOption('UTC');
  // Too far ahead: the API's 422 shows at the date field.
  const tooLate = new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 16);
  await page.getByLabel('Date and time', { exact: true }).fill(tooLate);
  await page.getByRole('button', { name: 'Launch…' }).click();
  await page
    .locator('#campaign-schedule-localTime-error')
    .getByText('Date and time must be at most 90 days from now')
    .waitFor();
  expect(await app.prisma.campaign.count({ where: { tenantId: session.tenant.tenantId } })).toBe(0);
  const start = startTime();
  await page.getByLabel('Date and time', { exact: true }).fill(start.local);
  await page.getByRole('button', { name: 'Launch…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Launch “Winter sale”?' });
  await dialog
    .getByTestId('launch-summary')
    .getByText(/to 3 contacts/)
    .waitFor();
  await dialog.getByRole('button', { name: 'Schedule' }).click();

  await page.getByRole('heading', { level: 1, name: 'Winter sale' }).waitFor();
  await page.getByText('Scheduled', { exact: true }).first().waitFor();
  const resultsUrl = page.url();

  // On the calendar, on its day; a click opens its results.
  await page.goto(`${app.url}/campaigns?view=calendar`);
  const day = await page.evaluate((iso) => {
    const d = new Date(iso);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, start.at.toISOString());
  const entry = page.locator(`td[data-date="${day}"]`).getByRole('link', { name: /Winter sale/ });
  await entry.waitFor();
  await entry.click();
  await page.waitForURL(resultsUrl);

  // It starts within a minute of its time and the counters follow it live to the end.
  await page.getByTestId('counter-sent').filter({ hasText: /^3$/ }).waitFor({ timeout: 180_000 });
  await page.getByText('Completed', { exact: true }).first().waitFor({ timeout: 30_000 });
  // Dora matched the tag but opted out: she is a recipient skipped for that reason, never sent.
  await expect(page.getByTestId('campaign-progress-text').textContent()).resolves.toMatch(/^4 of 4 processed/);
  await expect(page.getByTestId('counter-skipped').textContent()).resolves.toBe('1');
  await expect(page.getByTestId('counter-failed').textContent()).resolves.toBe('0');
  await page.getByText('Opted out of marketing').first().waitFor();
  const recipients = page.getByRole('table', { name: 'Recipients' });
  for (const name of ['Ana', 'Bea', 'Caio', 'Dora']) {
    await recipients.getByRole('link', { name }).waitFor();
  }
  expect(await recipients.getByRole('link', { name: 'Eve' }).count()).toBe(0);
  // WhatsApp's delivery receipts reach the counters and each recipient's row.
  await page.getByTestId('counter-delivered').filter({ hasText: /^3$/ }).waitFor({ timeout: 30_000 });
  await recipients.getByRole('row', { name: /Ana/ }).getByText('delivered').waitFor();
  await page.getByLabel('Recipient status').selectOption('skipped');
  await recipients.getByRole('link', { name: 'Ana' }).waitFor({ state: 'detached' });
  await recipients.getByRole('link', { name: 'Dora' }).waitFor();
  await page.getByLabel('Recipient status').selectOption('');

  // The CSV: a header and one row per recipient, nobody outside the audience.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(5);
  for (const phone of ['+447922234500', '+447922234510', '+447922234520', '+447922234530']) {
    expect(csv).toContain(phone);
  }
  expect(csv).not.toContain('+447922234590');
  expect(await app.prisma.message.count({ where: { tenantId: session.tenant.tenantId, direction: 'outbound' } })).toBe(
    3,
  );

  // The list shows it completed, with everyone sent.
  await page.goto(`${app.url}/campaigns`);
  const row = page.getByTestId('campaign-row-Winter sale');
  await row.getByText('Completed').waitFor();
  await row.getByText('3 / 4').waitFor();
});

it('[campaigns] a role that may only see campaigns gets their results and CSV, but no way to change them', async () => {
  const { token } = session.tenant;
  const role = await app.http.post(
    '/api/roles',
    { name: 'Campaign viewer', permissions: ['campaigns.view', 'contacts.view', 'templates.view'] },
    { token },
  );
  expect(role.status).toBe(201);
  const email = 'viewer@example.com';
  await inviteAndJoin(app.http, app.prisma, token, 'Campaign viewer', email);
  const context = await session.browser.newContext();
  const viewer = await context.newPage();
  viewer.setDefaultTimeout(15_000);
  try {
    await viewer.goto(`${app.url}/login`);
    await viewer.getByLabel('E-mail').fill(email);
    await viewer.getByLabel('Password').fill('member password 123');
    await viewer.getByRole('button', { name: 'Sign in' }).click();
    await viewer.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    await viewer.goto(`${app.url}/campaigns`);
    const row = viewer.getByTestId('campaign-row-Winter sale');
    await row.getByRole('link', { name: 'Results' }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'New campaign' }).count()).toBe(0);

    await row.getByRole('link', { name: 'Results' }).click();
    await viewer.getByTestId('counter-sent').filter({ hasText: /^3$/ }).waitFor();
    await viewer.getByRole('button', { name: 'Download CSV' }).waitFor();
    for (const action of ['Duplicate', 'Pause', 'Cancel', 'Edit']) {
      expect(await viewer.getByRole('button', { name: action }).count()).toBe(0);
    }

    await viewer.goto(`${app.url}/campaigns/new`);
    await viewer.getByText("You don't have access to this page").waitFor();
  } finally {
    await context.close();
  }
});
