// Developers start flows from REST with an API key: the active version runs for a contact given
// by phone (created) with variables; one session per contact and channel unless `replace`; the
// sessions list and cancel.
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { createApiKey, signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { createFlow, greetingDocument, questionDocument } from '../../support/seed/flow.ts';
import { eventually } from '../../support/eventually.ts';

jest.setTimeout(90_000);

let app: TestApp;
let tenant: SeededTenant;
let apiKey: string;
let channelId: string;

beforeAll(async () => {
  app = await startTestApp();
  tenant = await signUpTenant(app.http);
  apiKey = await createApiKey(app.http, tenant.token, 'Manager');
  channelId = (await app.http.get('/api/sandbox', { token: tenant.token })).body.channel.id;
});
afterAll(() => app.stop());

describe('[flows] run from the API', () => {
  it('runs the active version for a phone number with variables, once per contact unless replaced', async () => {
    const flowId = await createFlow(app.http, tenant.token, questionDocument('Order follow-up'));
    const customer = await app.http.post('/api/sandbox/customers', { name: 'Api Customer' }, { token: tenant.token });
    const phone = `+${customer.body.waId}`;
    // The customer writes first: outside the 24-hour window WhatsApp only lets templates through.
    await app.http.post(
      `/api/sandbox/customers/${customer.body.waId}/messages`,
      { type: 'text', text: { body: 'hello' } },
      { token: tenant.token },
    );
    await eventually(
      async () =>
        (await app.prisma.message.count({
          where: { tenantId: tenant.tenantId, contact: { waId: customer.body.waId } },
        })) > 0,
      'the stored message',
    );

    const run = await app.http.post(
      `/api/flows/${flowId}/run`,
      { channelId, phone, variables: { order_id: 'A-17' } },
      { token: apiKey },
    );
    expect(run.status).toBe(202);
    expect(run.body).toEqual({ sessionId: expect.any(String), workflowId: expect.stringMatching(/^flow-session-/) });
    await eventually(async () => {
      const thread = await app.http.get(`/api/sandbox/customers/${customer.body.waId}/messages`, {
        token: tenant.token,
      });
      return JSON.stringify(thread.body).includes('(order A-17)');
    }, 'the question on the phone');

    const again = await app.http.post(`/api/flows/${flowId}/run`, { channelId, phone }, { token: apiKey });
    expect(again.status).toBe(409);
    expect(again.body.error.details.sessionId).toBe(run.body.sessionId);

    const replaced = await app.http.post(
      `/api/flows/${flowId}/run`,
      { channelId, phone, replace: true },
      { token: apiKey },
    );
    expect(replaced.status).toBe(202);
    const sessions = await app.http.get(`/api/flows/${flowId}/sessions`, { token: apiKey });
    expect(sessions.body.items.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
      [replaced.body.sessionId, expect.stringMatching(/running|waiting/)],
      [run.body.sessionId, 'cancelled'],
    ]);
    expect(sessions.body.items[0]).toMatchObject({ triggerType: 'api', flowVersion: 1, contact: { phone } });

    const cancelled = await app.http.post(`/api/flows/sessions/${replaced.body.sessionId}/cancel`, undefined, {
      token: apiKey,
    });
    expect(cancelled.status).toBe(204);
    await eventually(
      async () =>
        (await app.prisma.flowSession.findUnique({ where: { id: replaced.body.sessionId } }))?.status === 'cancelled',
      'the cancelled status',
    );
    const twice = await app.http.post(`/api/flows/sessions/${replaced.body.sessionId}/cancel`, undefined, {
      token: apiKey,
    });
    expect(twice.status).toBe(409);
  });

  it('refuses a draft-only flow (409), an unknown channel (404) and a body with neither contact nor phone (400)', async () => {
    const draftId = await createFlow(app.http, tenant.token, greetingDocument('Unpublished', 'Hi'), { publish: false });
    const phone = '+14155550199';
    expect((await app.http.post(`/api/flows/${draftId}/run`, { channelId, phone }, { token: apiKey })).status).toBe(
      409,
    );
    const liveId = await createFlow(app.http, tenant.token, greetingDocument('Published', 'Hi'));
    const unknown = await app.http.post(
      `/api/flows/${liveId}/run`,
      { channelId: '00000000-0000-4000-8000-000000000000', phone },
      { token: apiKey },
    );
    expect(unknown.status).toBe(404);
    const neither = await app.http.post(`/api/flows/${liveId}/run`, { channelId }, { token: apiKey });
    expect(neither.status).toBe(400);
    expect(neither.body.error.details.fields[0].field).toBe('contactId');
  });
});
