// The integration nodes against a local server standing in for the outside world: retries of a
// failing API, permanent failures, webhooks, Google Sheets with a service account, an AI provider.
import { generateKeyPairSync } from 'node:crypto';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { startFakeServices, type FakeServices } from './fake-services.ts';
import {
  createFlowRow,
  createIntegration,
  program,
  said,
  seedCustomer,
  startSession,
  textsSentBy,
  type Customer,
} from './harness.ts';

jest.setTimeout(60_000);

let app: TestApp;
let fake: FakeServices;
let customer: Customer;
let flowId: string;
beforeAll(async () => {
  fake = await startFakeServices();
  app = await startTestApp({ GOOGLE_SHEETS_API_URL: fake.url });
  customer = await seedCustomer(app);
  flowId = await createFlowRow(app, customer.tenant.tenantId);
});
afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

it('[flows] an HTTP node retries a failing API and maps the response; a permanent error takes `failure`', async () => {
  fake.failuresLeft.flaky = 2;
  const prog = program(flowId, {
    call: {
      type: 'http_request',
      data: {
        method: 'POST',
        url: `${fake.url}/flaky?who={{contact.name}}`,
        headers: [{ name: 'x-plan', value: '{{vars.plan}}' }],
        body: '{"note":"{{vars.note}}"}',
        responseMapping: [{ variable: 'item', path: 'data.items.0.name' }],
      },
      next: { success: 'missing', failure: null },
    },
    missing: { type: 'http_request', data: { url: `${fake.url}/missing` }, next: { success: null, failure: 'report' } },
    report: { type: 'send_text', data: { text: '{{vars.item}} / {{http.status}}' } },
  });
  const before = fake.requests.length;
  const { sessionId, handle } = await startSession(app, customer, prog, {
    variables: { plan: 'gold', note: 'say "hi"' },
  });
  await handle.result();
  expect(await textsSentBy(app, sessionId)).toEqual(['Blue shirt / 200']);
  const calls = fake.requests.slice(before);
  expect(calls.filter((r) => r.path.startsWith('/flaky'))).toHaveLength(3);
  expect(calls.filter((r) => r.path.startsWith('/missing'))).toHaveLength(1); // a 404 is not retried
  const first = calls[0];
  expect(first).toMatchObject({ method: 'POST', path: '/flaky?who=Ana%20Customer' });
  expect(first?.headers['x-plan']).toBe('gold');
  expect(JSON.parse(first?.body ?? '')).toEqual({ note: 'say "hi"' });
});

it('[flows] a webhook posts the session with a stable Idempotency-Key', async () => {
  const prog = program(flowId, {
    hook: {
      type: 'webhook',
      data: { url: `${fake.url}/hook`, payload: '{"plan":"{{vars.plan}}"}' },
      next: { success: 'ok' },
    },
    ok: { type: 'send_text', data: { text: 'sent' } },
  });
  const { sessionId, handle } = await startSession(app, customer, prog, { variables: { plan: 'gold' } });
  await handle.result();
  const hook = fake.requests.find((r) => r.path === '/hook' && r.headers['idempotency-key']?.includes(sessionId));
  expect(hook?.headers['idempotency-key']).toBe(`flow:${sessionId}:2`);
  expect(JSON.parse(hook?.body ?? '')).toMatchObject({
    event: 'flow.webhook',
    flowId,
    sessionId,
    contact: { id: customer.contactId },
    variables: { plan: 'gold' },
    data: { plan: 'gold' },
  });
  expect(await textsSentBy(app, sessionId)).toEqual(['sent']);
});

it('[flows] Google Sheets appends and looks up rows with a service account', async () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  fake.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const account = {
    client_email: 'flows@test.iam.gserviceaccount.com',
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    token_uri: `${fake.url}/token`,
  };
  const integrationId = await createIntegration(app, customer.tenant.tenantId, 'google_sheets', account);
  const sheet = { integrationId, spreadsheetId: 'sheet-1', sheet: 'Leads' };
  const prog = program(flowId, {
    append: {
      type: 'google_sheets',
      data: { ...sheet, action: 'append', values: ['{{contact.name}}', 'lead'] },
      next: { success: 'find' },
    },
    find: {
      type: 'google_sheets',
      data: {
        ...sheet,
        action: 'lookup',
        lookupColumn: 'phone',
        lookupValue: '222',
        resultMapping: [{ variable: 'plan', column: 'plan' }],
      },
      next: { found: 'miss' },
    },
    miss: {
      type: 'google_sheets',
      data: { ...sheet, action: 'lookup', lookupColumn: 'phone', lookupValue: '999' },
      next: { not_found: 'say' },
    },
    say: { type: 'send_text', data: { text: 'plan {{vars.plan}}' } },
  });
  const { sessionId, handle } = await startSession(app, customer, prog);
  await handle.result();
  expect(await textsSentBy(app, sessionId)).toEqual(['plan gold']);
  const append = fake.requests.find((r) => r.method === 'POST' && r.path.includes(':append'));
  expect(append?.path).toBe(
    '/v4/spreadsheets/sheet-1/values/Leads:append?valueInputOption=USER_ENTERED&insertDataOption=INSERT_ROWS',
  );
  expect(JSON.parse(append?.body ?? '')).toEqual({ values: [['Ana Customer', 'lead']] });
  expect(fake.requests.filter((r) => r.path === '/token')).toHaveLength(1); // the token is cached
});

it('[flows] an AI integration classifies intents and answers through an OpenAI-compatible API', async () => {
  const other = await seedCustomer(app, 'Bea');
  const otherFlow = await createFlowRow(app, other.tenant.tenantId);
  const settings = { baseUrl: `${fake.url}/ai`, model: 'test-model' };
  await createIntegration(app, other.tenant.tenantId, 'ai', { apiKey: 'sk-test' }, settings);
  const prog = program(otherFlow, {
    intent: {
      type: 'ai_intent',
      // No keyword would match: only the model can say "billing".
      data: { intents: [{ id: 'billing', name: 'Billing', keywords: ['invoice'] }] },
      next: { 'intent:billing': 'answer', fallback: null },
    },
    answer: {
      type: 'ai_reply',
      data: { instructions: 'Be brief.', knowledge: 'Refunds: 5 days.' },
      next: { next: 'say' },
    },
    say: { type: 'send_text', data: { text: 'billing it is' } },
  });
  const { sessionId, handle } = await startSession(app, other, prog, { firstInput: said('I want a refund') });
  await handle.result();
  expect(await textsSentBy(app, sessionId)).toEqual(['Refunds take 5 days.', 'billing it is']);
  const call = fake.requests.find((r) => r.path === '/ai/chat/completions');
  expect(call?.headers.authorization).toBe('Bearer sk-test');
  expect(JSON.parse(call?.body ?? '')).toMatchObject({ model: 'test-model' });
});
