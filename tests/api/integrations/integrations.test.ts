// Integrations through the API: credentials are sealed, never shown (responses, lists, audit log),
// validated per kind, unique per (kind, name), managed by flows.manage only, and stored in the
// shape the flow activities open.
import { generateKeyPairSync } from 'node:crypto';
import type { ActivityDeps } from '#activities/deps';
import { loadIntegration } from '#activities/flows/load-integration';
import { googleAccessToken } from '#activities/flows/google-auth';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { inviteAndJoin } from '../../support/seed/invite.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';

const API_KEY = 'sk-very-secret-api-key-123';
const ACCESS_TOKEN = 'ya29.very-secret-access-token';
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PRIVATE_KEY = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

let app: TestApp;
let owner: SeededTenant;
const secrets = [API_KEY, ACCESS_TOKEN, 'BEGIN PRIVATE KEY'];

beforeAll(async () => {
  app = await startTestApp();
  owner = await signUpTenant(app.http);
});
afterAll(() => app.stop());

function expectNoSecrets(value: unknown): void {
  const text = JSON.stringify(value);
  for (const secret of secrets) {
    expect(text).not.toContain(secret);
  }
}

const aiBody = {
  kind: 'ai',
  name: 'OpenAI',
  credentials: { apiKey: API_KEY },
  settings: { baseUrl: 'https://api.example.com/v1', model: 'gpt-test' },
};

describe('[integrations] API', () => {
  it('creates and lists integrations without ever returning credentials', async () => {
    const token = owner.token;
    const ai = await app.http.post('/api/integrations', aiBody, { token });
    expect(ai.status).toBe(201);
    expect(ai.body).toEqual({
      id: expect.any(String),
      kind: 'ai',
      name: 'OpenAI',
      settings: aiBody.settings,
      hasCredentials: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const sheets = await app.http.post(
      '/api/integrations',
      { kind: 'google_sheets', name: 'Sheets token', credentials: { accessToken: ACCESS_TOKEN } },
      { token },
    );
    expect(sheets.status).toBe(201);
    expect(sheets.body.settings).toEqual({});
    const account = await app.http.post(
      '/api/integrations',
      {
        kind: 'google_sheets',
        name: 'Sheets account',
        credentials: {
          serviceAccount: {
            type: 'service_account',
            client_email: 'bot@proj.iam.gserviceaccount.com',
            private_key: PRIVATE_KEY,
          },
        },
      },
      { token },
    );
    expect(account.status).toBe(201);

    const list = await app.http.get('/api/integrations', { token });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { name: string }) => i.name)).toEqual(['Sheets account', 'Sheets token', 'OpenAI']);
    expect(list.body.items.every((i: { hasCredentials: boolean }) => i.hasCredentials)).toBe(true);
    expect(list.body.items.some((i: object) => 'credentials' in i)).toBe(false);
    for (const response of [ai, sheets, account, list]) {
      expectNoSecrets(response.body);
    }

    // Sealed at rest, and the audit log names the integration but holds none of its secrets.
    const stored = await app.prisma.integration.findFirstOrThrow({ where: { id: ai.body.id } });
    expect(stored.credentials).not.toContain(API_KEY);
    const auditLog = await app.prisma.auditLog.findMany({
      where: { tenantId: owner.tenantId, targetType: 'integration' },
    });
    expect(auditLog.map((e) => e.action)).toEqual(expect.arrayContaining(['integration.created']));
    expectNoSecrets(auditLog);
  });

  it('stores credentials in the shape the flow activities open', async () => {
    const deps = app.deps as unknown as ActivityDeps;
    const ai = await loadIntegration(deps, owner.tenantId, { kind: 'ai' });
    expect(ai).toEqual({ settings: aiBody.settings, credentials: { apiKey: API_KEY } });

    const list = await app.http.get('/api/integrations', { token: owner.token });
    const byName = (name: string) => list.body.items.find((i: { name: string }) => i.name === name).id as string;
    const sheets = await loadIntegration(deps, owner.tenantId, { kind: 'google_sheets', id: byName('Sheets token') });
    expect(await googleAccessToken(sheets?.credentials ?? {})).toBe(ACCESS_TOKEN);
    const account = await loadIntegration(deps, owner.tenantId, {
      kind: 'google_sheets',
      id: byName('Sheets account'),
    });
    expect(account?.credentials.serviceAccount).toMatchObject({
      client_email: 'bot@proj.iam.gserviceaccount.com',
      private_key: PRIVATE_KEY,
    });
  });

  it('names the invalid field, per kind', async () => {
    const token = owner.token;
    const cases: Array<[unknown, string]> = [
      [{ ...aiBody, name: 'No url', settings: { baseUrl: 'not a url', model: 'm' } }, 'settings.baseUrl'],
      [{ ...aiBody, name: 'No key', credentials: {} }, 'credentials.apiKey'],
      [{ ...aiBody, kind: 'slack' }, 'kind'],
      [{ kind: 'google_sheets', name: 'Nothing', credentials: { apiKey: API_KEY } }, 'credentials'],
      [
        {
          kind: 'google_sheets',
          name: 'Bad account',
          credentials: { serviceAccount: { client_email: 'not-an-email', private_key: PRIVATE_KEY } },
        },
        'credentials.serviceAccount.client_email',
      ],
    ];
    for (const [body, field] of cases) {
      const response = await app.http.post('/api/integrations', body, { token });
      expect(response.status).toBe(400);
      expect(response.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
      expectNoSecrets(response.body);
    }
  });

  it('answers 409 for a second integration of the same kind and name', async () => {
    const response = await app.http.post('/api/integrations', aiBody, { token: owner.token });
    expect(response.status).toBe(409);
    expect(response.body.error.details.fields[0].field).toBe('name');
  });

  it('updates name, settings and credentials (checked against the kind) and deletes', async () => {
    const token = owner.token;
    const created = await app.http.post('/api/integrations', { ...aiBody, name: 'Second AI' }, { token });
    const id = created.body.id as string;
    const bad = await app.http.patch(
      `/api/integrations/${id}`,
      { settings: { baseUrl: 'nope', model: 'x' } },
      { token },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('settings.baseUrl');

    const updated = await app.http.patch(
      `/api/integrations/${id}`,
      {
        name: 'Renamed AI',
        credentials: { apiKey: 'sk-replaced-key-456' },
        settings: { baseUrl: 'https://b.example.com', model: 'm2' },
      },
      { token },
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      name: 'Renamed AI',
      settings: { baseUrl: 'https://b.example.com', model: 'm2' },
    });
    expect(JSON.stringify(updated.body)).not.toContain('sk-replaced-key-456');
    const row = await app.prisma.integration.findUniqueOrThrow({ where: { id } });
    expect(JSON.parse(app.deps.secretBox.decrypt(row.credentials))).toEqual({ apiKey: 'sk-replaced-key-456' });

    const clash = await app.http.patch(`/api/integrations/${id}`, { name: 'OpenAI' }, { token });
    expect(clash.status).toBe(409);

    expect((await app.http.delete(`/api/integrations/${id}`, { token })).status).toBe(204);
    expect((await app.http.delete(`/api/integrations/${id}`, { token })).status).toBe(404);
    const auditLog = await app.prisma.auditLog.findMany({ where: { tenantId: owner.tenantId, targetId: id } });
    expect(auditLog.map((e) => e.action).sort()).toEqual([
      'integration.created',
      'integration.deleted',
      'integration.updated',
    ]);
    expect(JSON.stringify(auditLog)).not.toContain('sk-replaced-key-456');
  });

  it('answers 403 to an Agent on every integration route', async () => {
    const agent = await inviteAndJoin(app.http, app.prisma, owner.token, 'Agent', 'agent-integrations@example.com');
    const id = '00000000-0000-4000-8000-000000000000';
    const responses = await Promise.all([
      app.http.get('/api/integrations', { token: agent.token }),
      app.http.post('/api/integrations', aiBody, { token: agent.token }),
      app.http.patch(`/api/integrations/${id}`, { name: 'Mine now' }, { token: agent.token }),
      app.http.delete(`/api/integrations/${id}`, { token: agent.token }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([403, 403, 403, 403]);
  });
});
