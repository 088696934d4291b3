// Each member chooses how the web app alerts them, per workspace; new members start from defaults.
import { DEFAULT_NOTIFICATION_SETTINGS } from '#api/notifications/settings-schemas';
import { inviteAndJoin } from '../../support/seed/invite.ts';
import { createApiKey, signUpTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

it('[notifications] a member starts with the defaults, saves their own choice, and it stays theirs', async () => {
  const owner = await signUpTenant(app.http);
  const agent = await inviteAndJoin(app.http, app.prisma, owner.token, 'Agent', `agent-${Date.now()}@example.com`);
  const initial = await app.http.get('/api/notifications/settings', { token: agent.token });
  expect(initial.status).toBe(200);
  expect(initial.body).toEqual(DEFAULT_NOTIFICATION_SETTINGS);

  const quiet = {
    ...DEFAULT_NOTIFICATION_SETTINGS,
    message_in_my_conversation: { inApp: true, browser: false, sound: false },
    new_unassigned_conversation: { inApp: false, browser: false, sound: false },
  };
  const saved = await app.http.request('PUT', '/api/notifications/settings', { token: agent.token, body: quiet });
  expect(saved.status).toBe(200);
  expect((await app.http.get('/api/notifications/settings', { token: agent.token })).body).toEqual(quiet);
  expect((await app.http.get('/api/notifications/settings', { token: owner.token })).body).toEqual(
    DEFAULT_NOTIFICATION_SETTINGS,
  );
});

it('[notifications] incomplete or wrong settings answer 400 naming the field; API keys have none', async () => {
  const owner = await signUpTenant(app.http);
  const partial = await app.http.request('PUT', '/api/notifications/settings', {
    token: owner.token,
    body: { ...DEFAULT_NOTIFICATION_SETTINGS, mentioned: { inApp: 'yes', browser: true, sound: true } },
  });
  expect(partial.status).toBe(400);
  expect(partial.body.error.details.fields[0].field).toBe('mentioned.inApp');
  const key = await createApiKey(app.http, owner.token, 'Admin');
  expect((await app.http.get('/api/notifications/settings', { token: key })).status).toBe(403);
});
