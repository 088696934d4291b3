// The notifier in the owner's browser, with the notifications permission granted: when a manager
// assigns a conversation to them, or @mentions them in a note, the page shows a toast, a browser
// notification and plays the chime, as their notification settings say. The page's Notification
// constructor and oscillators are wrapped to record what the app asked for (a headless browser
// neither shows nor sounds anything); the events come from the real server.
import type { Page } from 'playwright-core';
import { DEFAULT_NOTIFICATION_SETTINGS } from '#api/notifications/settings-schemas';
import { eventually } from '../../support/eventually.ts';
import { inviteAndJoin } from '../../support/seed/invite.ts';
import type { SeededTenant } from '../../support/seed/tenant.ts';
import { startSignedInBrowser, type SignedInBrowser } from '../../support/signed-in-browser.ts';
import type { TestApp } from '../../support/test-app.ts';

jest.setTimeout(240_000);

type Alerts = { notifications: Array<{ title: string; body: string | null }>; chimes: number };
/** What the page asked for, kept on its window by the init script. */
type Recorded = { __alerts: Alerts };

let session: SignedInBrowser;
let app: TestApp;
let page: Page;
let tenant: SeededTenant;
let managerToken: string;
let conversationId: string;

beforeAll(async () => {
  session = await startSignedInBrowser('Bike Shop');
  ({ app, page, tenant } = session);
  ({ token: managerToken } = await inviteAndJoin(
    app.http,
    app.prisma,
    tenant.token,
    'Manager',
    `manager-${Date.now()}@example.com`,
  ));
  // A customer writes on the Sandbox phone: an unassigned conversation.
  expect((await app.http.get('/api/sandbox', { token: tenant.token })).status).toBe(200);
  const customer = await app.http.post('/api/sandbox/customers', { name: 'Nina Nomad' }, { token: tenant.token });
  const said = await app.http.post(
    `/api/sandbox/customers/${customer.body.waId}/messages`,
    { type: 'text', text: { body: 'My chain is broken' } },
    { token: tenant.token },
  );
  expect(said.status).toBeLessThan(300);
  conversationId = (
    await eventually(async () => {
      const list = await app.http.get('/api/conversations', { token: tenant.token });
      return list.body.items[0] as { id: string } | undefined;
    }, 'the conversation')
  ).id;

  // No sound for mentions: only the browser notification and the toast.
  const saved = await app.http.put(
    '/api/notifications/settings',
    { ...DEFAULT_NOTIFICATION_SETTINGS, mentioned: { inApp: true, browser: true, sound: false } },
    { token: tenant.token },
  );
  expect(saved.status).toBe(200);

  await page.context().grantPermissions(['notifications'], { origin: app.url });
  await page.context().addInitScript(() => {
    const recorded: Alerts = { notifications: [], chimes: 0 };
    (window as unknown as Recorded).__alerts = recorded;
    const Original = window.Notification;
    class Recording extends Original {
      constructor(title: string, options?: NotificationOptions) {
        recorded.notifications.push({ title, body: options?.body ?? null });
        super(title, options);
      }
    }
    window.Notification = Recording;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (...args: Parameters<OscillatorNode['start']>) {
      recorded.chimes += 1;
      return start.apply(this, args);
    };
  });
  // The inbox's list (not the conversation: nothing alerts for the one that is open). A second
  // message from the customer showing up live says the page's live connection is up.
  await page.goto(`${app.url}/inbox?status=open`);
  const row = page.getByTestId('conversation-item').filter({ hasText: 'Nina Nomad' });
  await row.waitFor();
  // Browsers play sound only once the page has been interacted with.
  await page.getByLabel('Search conversations').click();
  const again = await app.http.post(
    `/api/sandbox/customers/${customer.body.waId}/messages`,
    { type: 'text', text: { body: 'Hello? Anyone there?' } },
    { token: tenant.token },
  );
  expect(again.status).toBeLessThan(300);
  await row.filter({ hasText: 'Anyone there?' }).waitFor();
});
afterAll(async () => {
  await session?.stop();
});

const alerts = () => page.evaluate(() => (window as unknown as Recorded).__alerts);
const notified = (title: string) =>
  eventually(async () => {
    const recorded = await alerts();
    return recorded.notifications.some((n) => n.title === title) ? recorded : null;
  }, `a browser notification "${title}"`);

it('[inbox] a conversation assigned to me: a toast, a browser notification and the chime', async () => {
  await expect(page.evaluate(() => Notification.permission)).resolves.toBe('granted');
  const before = await alerts();
  const assigned = await app.http.post(
    `/api/conversations/${conversationId}/assign`,
    { userId: tenant.session.user.id },
    { token: managerToken },
  );
  expect(assigned.status).toBe(200);

  await page.getByText('Conversation assigned to you').waitFor();
  const after = await notified('Conversation assigned to you');
  expect(after.notifications).toContainEqual({
    title: 'Conversation assigned to you',
    body: 'Open the inbox to see it.',
  });
  expect(after.chimes).toBeGreaterThan(before.chimes);
});

it('[inbox] a mention in a note: a toast and a browser notification, and no sound when sound is off for mentions', async () => {
  const before = await alerts();
  const note = await app.http.post(
    `/api/conversations/${conversationId}/notes`,
    { body: 'Test Owner, can you call them back?', mentionedUserIds: [tenant.session.user.id] },
    { token: managerToken },
  );
  expect(note.status).toBe(201);

  await page.getByText('You were mentioned').waitFor();
  const after = await notified('You were mentioned');
  // The chime would have played with the notification, in the same turn.
  expect(after.chimes).toBe(before.chimes);
});
