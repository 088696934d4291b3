// Canned responses as agents and managers use them: personal and shared scopes with their
// permissions, a shortcut unique per scope, variables filled in for a conversation, and the
// most-used list that the composer's `/` picker shows first.
import { inviteAndJoin } from '../../support/seed/invite.ts';
import { seedSandboxConversation, type SandboxConversation } from '../../support/seed/sandbox-conversation.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

jest.setTimeout(60_000);

let app: TestApp;
let owner: SeededTenant;
let agent: { token: string; memberUserId: string };
let otherAgent: { token: string; memberUserId: string };
let conversation: SandboxConversation;

beforeAll(async () => {
  app = await startTestApp();
  owner = await signUpTenant(app.http);
  agent = await inviteAndJoin(app.http, app.prisma, owner.token, 'Agent', `agent-${Date.now()}@example.com`);
  otherAgent = await inviteAndJoin(app.http, app.prisma, owner.token, 'Agent', `other-${Date.now()}@example.com`);
  conversation = await seedSandboxConversation(app, owner.token, owner.tenantId);
});
afterAll(() => app?.stop());

const create = (token: string, body: Record<string, unknown>) =>
  app.http.post('/api/canned-responses', body, { token });
const list = (token: string, query = '') => app.http.get(`/api/canned-responses${query}`, { token });
const shortcuts = (page: { body: { items: Array<{ shortcut: string }> } }) => page.body.items.map((i) => i.shortcut);

it('[canned] a personal response is its owner’s alone; a shared one needs canned.manage and everyone sees it', async () => {
  const mine = await create(agent.token, { shortcut: 'Thanks', title: 'Thanks', body: 'Thank you!' });
  expect(mine.status).toBe(201);
  expect(mine.body).toMatchObject({ scope: 'personal', shortcut: 'thanks', canEdit: true, usageCount: 0 });
  expect(mine.body.owner).toEqual({ userId: agent.memberUserId, name: 'Member Agent' });

  const refused = await create(agent.token, { scope: 'shared', shortcut: 'hours', title: 'Hours', body: '9 to 5' });
  expect(refused.status).toBe(403);
  expect(refused.body.error.details.fields[0].field).toBe('scope');

  const shared = await create(owner.token, { scope: 'shared', shortcut: 'hours', title: 'Hours', body: '9 to 5' });
  expect(shared.status).toBe(201);

  expect(shortcuts(await list(agent.token))).toEqual(expect.arrayContaining(['thanks', 'hours']));
  expect(shortcuts(await list(otherAgent.token))).not.toContain('thanks');
  expect(shortcuts(await list(otherAgent.token, '?scope=shared'))).toEqual(['hours']);
  const seenByAgent = (await list(agent.token, '?scope=shared')).body.items[0];
  expect(seenByAgent.canEdit).toBe(false);

  const sharedId: string = shared.body.id;
  expect(
    (await app.http.patch(`/api/canned-responses/${sharedId}`, { body: 'x' }, { token: agent.token })).status,
  ).toBe(403);
  expect((await app.http.delete(`/api/canned-responses/${sharedId}`, { token: agent.token })).status).toBe(403);
  const otherEdits = await app.http.patch(
    `/api/canned-responses/${mine.body.id}`,
    { body: 'x' },
    { token: otherAgent.token },
  );
  expect(otherEdits.status).toBe(404);

  const edited = await app.http.patch(
    `/api/canned-responses/${mine.body.id}`,
    { title: 'Thank you' },
    { token: agent.token },
  );
  expect(edited.status).toBe(200);
  expect(edited.body).toMatchObject({ title: 'Thank you', body: 'Thank you!' });
  expect((await app.http.delete(`/api/canned-responses/${mine.body.id}`, { token: agent.token })).status).toBe(204);
  expect(shortcuts(await list(agent.token))).not.toContain('thanks');
});

it('[canned] a shortcut is unique within its scope: the clash answers 409 naming shortcut', async () => {
  expect((await create(agent.token, { shortcut: 'bye', title: 'Bye', body: 'Bye!' })).status).toBe(201);
  const again = await create(agent.token, { shortcut: '  BYE ', title: 'Bye again', body: 'See you' });
  expect(again.status).toBe(409);
  expect(again.body.error.details.fields).toEqual([
    { field: 'shortcut', message: expect.stringMatching(/already used/) },
  ]);
  // Another agent's personal one, and a shared one, may use the same shortcut.
  expect((await create(otherAgent.token, { shortcut: 'bye', title: 'Bye', body: 'Ciao' })).status).toBe(201);
  expect((await create(owner.token, { scope: 'shared', shortcut: 'bye', title: 'Bye', body: 'Goodbye' })).status).toBe(
    201,
  );
  const second = await create(owner.token, { scope: 'shared', shortcut: 'bye2', title: 'Bye', body: 'Goodbye' });
  const renamed = await app.http.patch(
    `/api/canned-responses/${second.body.id}`,
    { shortcut: 'bye' },
    { token: owner.token },
  );
  expect(renamed.status).toBe(409);
  expect(renamed.body.error.details.fields[0].field).toBe('shortcut');

  const invalid = await create(agent.token, { shortcut: 'two words', title: '', body: 'x' });
  expect(invalid.status).toBe(400);
  expect(invalid.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
    'shortcut',
    'title',
  ]);
});

it('[canned] rendering fills the contact’s and the agent’s details, lists what is missing and counts a use', async () => {
  await app.prisma.contact.update({
    where: { id: conversation.contactId },
    data: { name: 'Ana Lima', fields: { plan: 'gold' } },
  });
  const created = await create(agent.token, {
    shortcut: 'intro',
    title: 'Intro',
    category: 'Greetings',
    body: 'Hi {{contact.name}} ({{contact.phone}}), {{agent.name}} here about your {{contact.fields.plan}} plan. {{contact.fields.city | "Your city"}}? {{contact.fields.zip}}',
  });
  const rendered = await app.http.post(
    `/api/canned-responses/${created.body.id}/render`,
    { conversationId: conversation.conversationId },
    { token: agent.token },
  );
  expect(rendered.status).toBe(200);
  expect(rendered.body).toEqual({
    cannedResponseId: created.body.id,
    text: `Hi Ana Lima (+${conversation.waId}), Member Agent here about your gold plan. Your city? `,
    missingVariables: ['contact.fields.zip'],
    usageCount: 1,
  });
  const badConversation = await app.http.post(
    `/api/canned-responses/${created.body.id}/render`,
    { conversationId: 'nope' },
    { token: agent.token },
  );
  expect(badConversation.status).toBe(400);
  expect(badConversation.body.error.details.fields[0].field).toBe('conversationId');
});

it('[canned] the most-used list puts the responses used most first; search and category narrow it', async () => {
  const render = (id: string) =>
    app.http.post(
      `/api/canned-responses/${id}/render`,
      { conversationId: conversation.conversationId },
      { token: otherAgent.token },
    );
  const a = await create(otherAgent.token, { shortcut: 'alpha', title: 'Alpha', category: 'Sales', body: 'A' });
  const b = await create(otherAgent.token, { shortcut: 'beta', title: 'Beta', category: 'Sales', body: 'B refund' });
  const c = await create(otherAgent.token, { shortcut: 'gamma', title: 'Gamma', category: 'Support', body: 'C' });
  for (let i = 0; i < 3; i += 1) {
    await render(c.body.id);
  }
  await render(b.body.id);
  const mostUsed = await list(otherAgent.token, '?scope=personal&sort=most_used');
  expect(shortcuts(mostUsed).slice(0, 3)).toEqual(['gamma', 'beta', 'alpha']);
  expect(mostUsed.body.items.slice(0, 3).map((i: { usageCount: number }) => i.usageCount)).toEqual([3, 1, 0]);
  expect(shortcuts(await list(otherAgent.token, '?scope=personal&category=sales&sort=shortcut'))).toEqual([
    'alpha',
    'beta',
  ]);
  expect(shortcuts(await list(otherAgent.token, '?search=refund'))).toEqual(['beta']);
  expect(shortcuts(await list(otherAgent.token, '?search=/gam'))).toEqual(['gamma']);
  const paged = await list(otherAgent.token, '?scope=personal&sort=most_used&limit=2');
  expect(shortcuts(paged)).toEqual(['gamma', 'beta']);
  const rest = await list(otherAgent.token, `?scope=personal&sort=most_used&limit=2&cursor=${paged.body.nextCursor}`);
  expect(shortcuts(rest)[0]).toBe('alpha');
  expect(a.status).toBe(201);
  const categories = await app.http.get('/api/canned-responses/categories', { token: otherAgent.token });
  expect(categories.body.items).toEqual(expect.arrayContaining(['Sales', 'Support']));
});
