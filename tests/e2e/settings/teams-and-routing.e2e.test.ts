// Settings → Teams & routing in the owner's browser: a team made on the page, a member added with
// skills, a rule sending every channel to it and an SLA target; all of it is still there after a
// reload and is what the API answers.
import type { Page } from 'playwright-core';
import { inviteAndJoin } from '../../support/seed/invite.ts';
import type { SeededTenant } from '../../support/seed/tenant.ts';
import { startSignedInBrowser, type SignedInBrowser } from '../../support/signed-in-browser.ts';
import type { TestApp } from '../../support/test-app.ts';

jest.setTimeout(240_000);

let session: SignedInBrowser;
let app: TestApp;
let page: Page;
let tenant: SeededTenant;
let agentUserId: string;

beforeAll(async () => {
  session = await startSignedInBrowser('Bike Shop');
  ({ app, page, tenant } = session);
  const agent = await inviteAndJoin(app.http, app.prisma, tenant.token, 'Agent', `agent-${Date.now()}@example.com`);
  agentUserId = agent.memberUserId;
});
afterAll(async () => {
  await session?.stop();
});

it('[settings] a team with a skilled member, a rule and an SLA target, kept after a reload', async () => {
  await page.goto(`${app.url}/settings/routing`);
  await page.getByRole('heading', { level: 1, name: 'Teams & routing' }).waitFor();
  await page.getByText('No teams yet').waitFor();
  await page.getByText('No rules').waitFor();

  // A team, then a member picked from the workspace, then that member's skills.
  await page.getByLabel('New team name').fill('Support');
  await page.getByRole('button', { name: 'Add team' }).click();
  const team = page.getByRole('region', { name: 'Team Support' });
  await team.getByLabel('Add a member to Support').selectOption({ label: 'Member Agent' });
  const skills = team.getByLabel('Skills of Member Agent');
  await skills.fill('Billing, spanish ');
  await skills.blur();
  await page.getByText('Skills saved').waitFor();

  // A rule: every channel's new conversations go to Support.
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Support' });
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByRole('cell', { name: 'Every channel to Support', exact: true }).waitFor();

  // Urgent conversations must get a first answer within 15 minutes.
  const firstResponse = page.getByLabel('First response target for urgent');
  await firstResponse.fill('15');
  await firstResponse.blur();
  await page.getByText('SLA saved').waitFor();

  await page.reload();
  await page.getByRole('cell', { name: 'Every channel to Support', exact: true }).waitFor();
  await expect(page.getByLabel('Every channel to Support is on').isChecked()).resolves.toBe(true);
  await expect(
    page.getByRole('region', { name: 'Team Support' }).getByLabel('Skills of Member Agent').inputValue(),
  ).resolves.toBe('billing, spanish');
  await expect(page.getByLabel('First response target for urgent').inputValue()).resolves.toBe('15');
  await expect(page.getByLabel('Resolution target for urgent').inputValue()).resolves.toBe('');

  // What the page shows is what routing uses.
  const teams = await app.http.get('/api/teams', { token: tenant.token });
  expect(teams.body.items).toEqual([
    expect.objectContaining({
      name: 'Support',
      assignment: 'round_robin',
      members: [expect.objectContaining({ userId: agentUserId, skills: ['billing', 'spanish'] })],
    }),
  ]);
  const rules = await app.http.get('/api/routing/rules', { token: tenant.token });
  expect(rules.body.items).toEqual([
    expect.objectContaining({ name: 'Every channel to Support', isEnabled: true, channel: null }),
  ]);
  expect(rules.body.items[0].team.id).toBe(teams.body.items[0].id);
  const sla = await app.http.get('/api/sla-policies', { token: tenant.token });
  expect(sla.body.items).toEqual([
    expect.objectContaining({ priority: 'urgent', firstResponseSeconds: 900, resolutionSeconds: null }),
  ]);
});
