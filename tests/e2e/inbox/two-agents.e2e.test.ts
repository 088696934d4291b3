// The inbox issue's scenario with two agents in two browsers: a customer writes on the Sandbox
// phone, the conversation appears live for both; one takes it and the other sees it taken; a note
// with an @mention notifies the other; a canned response typed as `/shortcut` reaches the
// customer's phone.
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../../support/eventually.ts';
import { inviteAndJoin } from '../../support/seed/invite.ts';
import type { SeededTenant } from '../../support/seed/tenant.ts';
import { startSignedInBrowser, type SignedInBrowser } from '../../support/signed-in-browser.ts';
import type { TestApp } from '../../support/test-app.ts';

jest.setTimeout(240_000);

let session: SignedInBrowser;
let app: TestApp;
let browser: Browser;
let owner: Page;
let member: Page;
let tenant: SeededTenant;
const memberEmail = `sam-${Date.now()}@example.com`;

beforeAll(async () => {
  session = await startSignedInBrowser('Bike Shop');
  ({ app, browser, page: owner, tenant } = session);
  await inviteAndJoin(app.http, app.prisma, tenant.token, 'Manager', memberEmail);
  member = await (await browser.newContext()).newPage();
  member.setDefaultTimeout(15_000);
  await member.goto(`${app.url}/login`);
  await member.getByLabel('E-mail').fill(memberEmail);
  await member.getByLabel('Password').fill('member password 123');
  await member.getByRole('button', { name: 'Sign in' }).click();
  await member.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
});
afterAll(async () => {
  await session?.stop();
});

const row = (page: Page, name: string) => page.getByTestId('conversation-item').filter({ hasText: name });

it('[inbox] two agents share a conversation live: take it, mention, reply with a canned response', async () => {
  const cannedResponse = await app.http.post(
    '/api/canned-responses',
    { scope: 'shared', shortcut: 'ready', title: 'Bike ready', body: 'Hi {{contact.name}}, your bike is *ready*!' },
    { token: tenant.token },
  );
  expect(cannedResponse.status).toBe(201);

  // Both agents look at every open conversation (the default tab is their own).
  for (const page of [owner, member]) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('group', { name: 'Assignee' }).getByRole('button', { name: /^All/ }).click();
    await page.getByText('No conversations here').waitFor();
  }

  // The customer writes from the Sandbox phone: the conversation appears for both, live.
  expect((await app.http.get('/api/sandbox', { token: tenant.token })).status).toBe(200);
  const customer = await app.http.post('/api/sandbox/customers', { name: 'Rosa Rider' }, { token: tenant.token });
  expect(customer.status).toBeLessThan(300);
  const waId: string = customer.body.waId;
  const said = await app.http.post(
    `/api/sandbox/customers/${waId}/messages`,
    { type: 'text', text: { body: 'Is my bike _fixed_ yet?' } },
    { token: tenant.token },
  );
  expect(said.status).toBeLessThan(300);
  await row(owner, 'Rosa Rider').waitFor();
  await row(member, 'Rosa Rider').waitFor();
  await expect(row(member, 'Rosa Rider').textContent()).resolves.toContain('Unassigned');

  // The owner opens it (the customer's formatting shows) and takes it; the member sees it taken.
  await row(owner, 'Rosa Rider').getByRole('button').click();
  await owner.getByRole('log', { name: 'Messages' }).locator('em', { hasText: 'fixed' }).waitFor();
  await owner.getByRole('button', { name: 'Assign to me' }).click();
  await owner.getByTestId('thread-assignee').filter({ hasText: 'Assigned to you' }).waitFor();
  await row(member, 'Rosa Rider').filter({ hasText: 'Test Owner' }).waitFor();

  // A note mentioning the member, picked from the @ suggestions, notifies them.
  await owner.getByRole('tab', { name: 'Internal note' }).click();
  const note = owner.getByRole('combobox', { name: 'Internal note' });
  await note.pressSequentially('Warranty case, @Mem');
  await owner
    .getByRole('listbox', { name: 'Members to mention' })
    .getByRole('option', { name: /Member Manager/ })
    .waitFor();
  await note.press('Enter');
  await expect(note.inputValue()).resolves.toBe('Warranty case, @Member Manager ');
  await note.press('Enter');
  await owner.getByTestId('note').filter({ hasText: 'Warranty case' }).waitFor();
  await member.locator('.bell-badge', { hasText: '1' }).waitFor();

  // The member opening the conversation sees the note, live as it was written.
  await row(member, 'Rosa Rider').getByRole('button').click();
  await member.getByTestId('note').filter({ hasText: 'Warranty case' }).waitFor();

  // A canned response by its shortcut, filled in for the contact, reaches the customer's phone.
  await owner.getByRole('tab', { name: 'Reply' }).click();
  const reply = owner.getByRole('combobox', { name: 'Reply' });
  await reply.pressSequentially('/rea');
  await owner
    .getByRole('listbox', { name: 'Canned responses' })
    .getByRole('option', { name: /\/ready/ })
    .waitFor();
  await reply.press('Enter');
  await eventually(
    async () => (await reply.inputValue()) === 'Hi Rosa Rider, your bike is *ready*!',
    'the canned response filled in',
  );
  await reply.press('Enter');
  await owner
    .getByRole('log', { name: 'Messages' })
    .locator('[data-direction="outbound"]', { hasText: 'your bike is ready' })
    .waitFor();
  await eventually(async () => {
    const thread = await app.http.get(`/api/sandbox/customers/${waId}/messages`, { token: tenant.token });
    return thread.body.data.some(
      (m: { from: string; content: { text?: { body?: string } } }) =>
        m.from === 'business' && m.content.text?.body === 'Hi Rosa Rider, your bike is *ready*!',
    );
  }, 'the canned reply on the phone');
  // The member's open thread shows the reply too, without a reload.
  await member
    .getByRole('log', { name: 'Messages' })
    .locator('[data-direction="outbound"]', { hasText: 'your bike is ready' })
    .waitFor();
});
