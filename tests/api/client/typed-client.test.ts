// The typed client (api/client) against a running app, as an integrator uses it with an API key:
// create contacts, page through them, start a flow for one, and read a failure as the typed
// error envelope.
import { createParleyClient, paginate, type ParleyClient } from '#api/client/create-parley-client';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { createApiKey, signUpTenant } from '../../support/seed/tenant.ts';
import { connectCloudChannel } from '../../support/seed/channel.ts';
import { createFlow, greetingDocument } from '../../support/seed/flow.ts';

let app: TestApp;
let client: ParleyClient;
let channelId: string;
let flowId: string;

beforeAll(async () => {
  app = await startTestApp();
  const owner = await signUpTenant(app.http);
  client = createParleyClient({ baseUrl: `${app.url}/`, apiKey: await createApiKey(app.http, owner.token, 'Owner') });
  channelId = (await connectCloudChannel(app.http, owner.token)).channelId;
  flowId = await createFlow(app.http, owner.token, greetingDocument('Welcome', 'Hello from the API'));
});
afterAll(() => app.stop());

describe('[api] typed client', () => {
  it('creates contacts and pages through them with cursors', async () => {
    for (const [i, name] of ['Ada', 'Grace', 'Alan'].entries()) {
      const { data, error, response } = await client.POST('/api/contacts', {
        body: { phone: `+1415555018${i}`, name },
      });
      expect({ status: response.status, error }).toEqual({ status: 201, error: undefined });
      expect(data?.name).toBe(name);
    }
    const names: string[] = [];
    let pages = 0;
    for await (const contact of paginate((cursor) => {
      pages++;
      return client.GET('/api/contacts', { params: { query: { limit: 2, ...(cursor ? { cursor } : {}) } } });
    })) {
      names.push(contact.name ?? '');
    }
    expect(names.sort()).toEqual(['Ada', 'Alan', 'Grace']);
    expect(pages).toBe(2);
  });

  it('starts a flow for a contact', async () => {
    const { data, response } = await client.POST('/api/flows/{flowId}/run', {
      params: { path: { flowId } },
      body: { channelId, phone: '+14155550190', variables: {} },
    });
    expect(response.status).toBe(202);
    expect(data).toMatchObject({ sessionId: expect.any(String) });
  });

  it('answers a failure with the typed error envelope naming the field', async () => {
    const { data, error, response } = await client.POST('/api/contacts', { body: { phone: 'not a phone' } });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.error.code).toBe('VALIDATION_FAILED');
    expect(error?.error.details?.fields?.map((f) => f.field)).toContain('phone');
  });
});
