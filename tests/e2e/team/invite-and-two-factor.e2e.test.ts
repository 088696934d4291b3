// In the browser: an owner invites an agent, the agent joins from the link, the workspace starts
// requiring 2FA, and the agent has to enrol before anything else, then signs in with a code.
import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { buildWebApp, launchBrowser } from '../../support/browser.ts';
import { signUpTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

jest.setTimeout(180_000);

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  const [webDistDir, launched] = await Promise.all([buildWebApp(), launchBrowser()]);
  browser = launched;
  app = await startTestApp({}, { webDistDir });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${app.url}/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

it('[e2e] invite a member, require 2FA, and the member enrols then signs in with a code', async () => {
  const owner = await signUpTenant(app.http, { workspaceName: 'Harbour Co' });
  const ownerPage = await browser.newPage();
  ownerPage.setDefaultTimeout(15_000);
  await signIn(ownerPage, owner.email, owner.password);
  await ownerPage.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await ownerPage.goto(`${app.url}/settings/team`);
  await ownerPage.getByRole('button', { name: 'Invite member' }).click();
  await ownerPage.getByLabel('E-mail').fill('deckhand@example.com');
  await ownerPage.getByLabel('Role').selectOption({ label: 'Agent' });
  await ownerPage.getByRole('button', { name: 'Send invitation' }).click();
  const inviteUrl = (await ownerPage.getByTestId('invite-url').textContent())?.trim() ?? '';
  expect(inviteUrl).toContain('/invite/');
  await ownerPage.getByRole('button', { name: 'Done' }).click();

  // The owner enrols first (the workspace refuses to require 2FA otherwise), then requires it.
  const secret = await enrolTotp(ownerPage);
  expect(secret).toBeTruthy();
  await ownerPage.goto(`${app.url}/settings/workspace`);
  // The plan's limits are shown, not editable (the operator sets them).
  const plan = ownerPage.getByLabel('Plan limits');
  await plan.getByText('API requests per minute').waitFor();
  expect(await plan.getByText('Unlimited').count()).toBe(2);
  expect(await plan.getByRole('textbox').count()).toBe(0);
  await ownerPage.getByRole('switch').click();
  await ownerPage.getByRole('button', { name: 'Save changes' }).click();
  await ownerPage.getByText(/saved/i).first().waitFor();

  const memberPage = await (await browser.newContext()).newPage();
  memberPage.setDefaultTimeout(15_000);
  await memberPage.goto(inviteUrl.replace(/^https?:\/\/[^/]+/, app.url));
  await memberPage.getByText('Harbour Co').first().waitFor();
  await memberPage.getByLabel('Your name').fill('Deck Hand');
  await memberPage.getByLabel('Password').fill('deckhand password 1');
  await memberPage.getByRole('button', { name: 'Create account and join' }).click();
  await memberPage.getByRole('heading', { level: 1, name: 'Security' }).waitFor();
  const memberSecret = await enrolTotp(memberPage);

  await memberPage.getByRole('button', { name: 'Account menu' }).click();
  await memberPage.getByRole('button', { name: 'Sign out' }).click();
  await signIn(memberPage, 'deckhand@example.com', 'deckhand password 1');
  await memberPage.getByLabel('Authentication code').fill(totp(memberSecret));
  await memberPage.getByRole('button', { name: 'Verify' }).click();
  await memberPage.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  const nav = memberPage.getByRole('navigation', { name: 'Main' });
  expect(await nav.getByRole('link', { name: 'Inbox' }).count()).toBe(1);
  expect(await nav.getByRole('link', { name: 'Campaigns' }).count()).toBe(0);

  const audit = await app.http.get('/api/audit-log?limit=100', { token: owner.token });
  expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
    expect.arrayContaining(['member.invited', 'member.joined', 'workspace.updated', 'auth.2fa_enabled']),
  );
});

async function enrolTotp(page: Page): Promise<string> {
  await page.goto(`${app.url}/settings/security`);
  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  await page.getByLabel('Authentication code').fill(totp(secret));
  await page.getByRole('button', { name: 'Verify and turn on' }).click();
  await page.getByTestId('recovery-codes').waitFor();
  await page.getByRole('button', { name: 'I have saved my codes' }).click();
  return secret;
}

function totp(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
}
