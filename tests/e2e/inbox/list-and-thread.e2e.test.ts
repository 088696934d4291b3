// The inbox's list and thread in one agent's browser: search, status tabs with counts, bulk
// actions, a saved view kept in the URL, tags from the side panel used as a filter, a CSV export,
// and the customer's photo, location and contact card rendered in the thread.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { eventually } from '../../support/eventually.ts';
import type { SeededTenant } from '../../support/seed/tenant.ts';
import { startSignedInBrowser, type SignedInBrowser } from '../../support/signed-in-browser.ts';
import type { TestApp } from '../../support/test-app.ts';

jest.setTimeout(240_000);
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

let session: SignedInBrowser;
let app: TestApp;
let page: Page;
let tenant: SeededTenant;

beforeAll(async () => {
  session = await startSignedInBrowser('Bike Shop');
  ({ app, page, tenant } = session);
  expect((await app.http.get('/api/sandbox', { token: tenant.token })).status).toBe(200);
  const say = async (name: string, ...messages: Array<Record<string, unknown>>) => {
    const customer = await app.http.post('/api/sandbox/customers', { name }, { token: tenant.token });
    for (const message of messages) {
      const sent = await app.http.post(`/api/sandbox/customers/${customer.body.waId}/messages`, message, {
        token: tenant.token,
      });
      expect(sent.status).toBeLessThan(300);
    }
  };
  await say(
    'Ann Archer',
    { type: 'text', text: { body: 'Where is order 42?' } },
    { type: 'location', location: { latitude: 48.8584, longitude: 2.2945, name: 'Shop front' } },
    { type: 'image', image: { data: PNG, mimeType: 'image/png', caption: 'the receipt' } },
    { type: 'contacts', contacts: [{ name: { formatted_name: 'Max Mechanic' }, phones: [{ phone: '+331234' }] }] },
  );
  await say('Ben Baker', { type: 'text', text: { body: 'hello' } });
  await say('Cat Cyclist', { type: 'text', text: { body: 'I would like a refund' } });
  await eventually(async () => {
    const list = await app.http.get('/api/conversations', { token: tenant.token });
    return list.body.items.length === 3;
  }, 'three conversations');
});
afterAll(async () => {
  await session?.stop();
});

const rows = () => page.getByTestId('conversation-item');
const row = (name: string) => rows().filter({ hasText: name });
const waitForRows = (count: number) =>
  eventually(async () => (await rows().count()) === count, `${count} conversations listed`);

it('[inbox] search, status tabs, bulk resolve, a saved view, tags as a filter and a CSV export', async () => {
  await page.goto(`${app.url}/inbox`);
  await page.getByRole('group', { name: 'Assignee' }).getByRole('button', { name: /^All/ }).click();
  await waitForRows(3);
  expect(page.url()).toContain('status=open');

  // Search waits for the typing to stop, then lists only the match; the URL keeps it.
  await page.getByLabel('Search conversations').fill('refund');
  await waitForRows(1);
  await row('Cat Cyclist').waitFor();
  expect(page.url()).toContain('search=refund');
  await page.getByLabel('Search conversations').fill('');
  await waitForRows(3);

  // Two selected and resolved at once: they leave the Open tab and the counts follow.
  await row('Ann Archer').getByRole('checkbox').check();
  await row('Ben Baker').getByRole('checkbox').check();
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByText('2 selected').waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv.split('\n')[0]).toContain('contact_name');
  expect(csv).toContain('Ann Archer');
  expect(csv).not.toContain('Cat Cyclist');
  await page.getByLabel('Set status of selected').selectOption('resolved');
  await waitForRows(1);
  const statusTabs = page.getByRole('group', { name: 'Status' });
  await statusTabs.getByRole('button', { name: 'Open 1' }).waitFor();
  await statusTabs.getByRole('button', { name: /^Resolved/ }).click();
  await waitForRows(2);

  // Saved as a view; the view comes back from another tab and after a reload (the URL).
  await page.getByRole('button', { name: 'Manage views' }).click();
  await page.getByRole('button', { name: 'Save current filters as a view' }).click();
  await page.getByLabel('View name').fill('Done today');
  await page.getByRole('button', { name: 'Save view' }).click();
  await eventually(
    async () => (await page.getByLabel('Saved view').locator('option:checked').textContent()) === 'Done today',
    'the view in use',
  );
  await statusTabs.getByRole('button', { name: /^Open/ }).click();
  await waitForRows(1);
  await page.getByLabel('Saved view').selectOption({ label: 'Done today' });
  await waitForRows(2);
  await page.reload();
  await waitForRows(2);

  // A tag made in the side panel shows on the row and filters the list.
  await statusTabs.getByRole('button', { name: /^Open/ }).click();
  await row('Cat Cyclist').getByRole('button').click();
  // At this window size the contact panel opens on demand, over the thread.
  await page.getByRole('button', { name: 'Contact details' }).click();
  await page.getByLabel('Add a tag').selectOption({ label: 'New tag…' });
  await page.getByLabel('Tag name').fill('Refunds');
  await page.getByRole('button', { name: 'Create and add' }).click();
  await row('Cat Cyclist').getByTestId('tag-chip').filter({ hasText: 'Refunds' }).waitFor();
  await statusTabs.getByRole('button', { name: /^All/ }).click();
  await waitForRows(3);
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('group', { name: 'Advanced filters' }).getByLabel('Refunds').click();
  await waitForRows(1);
  await page.getByRole('button', { name: /Filters \(1 set\)/ }).waitFor();
});

it("[inbox] the thread shows the customer's photo, location and contact card, and the 24-hour window", async () => {
  await page.goto(`${app.url}/inbox?status=open,pending,snoozed,resolved`);
  await row('Ann Archer').getByRole('button').click();
  const thread = page.getByRole('log', { name: 'Messages' });
  await thread.locator('[data-type="image"] img[alt="the receipt"]').waitFor();
  await thread.getByRole('link', { name: 'Open the map' }).waitFor();
  await thread.locator('[data-type="location"]', { hasText: 'Shop front' }).waitFor();
  await thread.locator('[data-type="contacts"]', { hasText: 'Max Mechanic' }).waitFor();
  await page.getByText(/left to reply freely/).waitFor();
  // Opening it read the customer's messages: the row has no unread badge any more.
  await eventually(async () => (await row('Ann Archer').locator('.conv-unread').count()) === 0, 'messages read');
});

it('[inbox] J and K open the next and previous conversation from the keyboard', async () => {
  await page.goto(`${app.url}/inbox?status=open,pending,snoozed,resolved`);
  await rows().first().getByRole('button').click();
  // J moves from the open conversation: wait until the first one is it.
  await rows().first().locator('[aria-current="true"]').waitFor();
  const second = (await rows().nth(1).getAttribute('data-conversation-id'))!;
  await page.keyboard.press('j');
  await page.waitForURL(new RegExp(`/inbox/${second}`));
  await rows().nth(1).locator('[aria-current="true"]').waitFor();
  await page.keyboard.press('k');
  await rows().first().locator('[aria-current="true"]').waitFor();
});
