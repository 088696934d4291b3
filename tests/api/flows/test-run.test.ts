// The test panel: the draft runs for a fresh simulated customer on the Sandbox number, inputs go
// through the simulator and the webhook, and the answer holds the transcript, path and variables.
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { createFlow, greetingDocument, questionDocument } from '../../support/seed/flow.ts';

jest.setTimeout(90_000);

let app: TestApp;
let tenant: SeededTenant;

beforeAll(async () => {
  app = await startTestApp();
  tenant = await signUpTenant(app.http);
});
afterAll(() => app.stop());

describe('[flows] test runs', () => {
  it('runs the unpublished draft with inputs and returns transcript, path and variables', async () => {
    const flowId = await createFlow(app.http, tenant.token, questionDocument('Draft question'), { publish: false });
    const result = await app.http.post(
      `/api/flows/${flowId}/test`,
      { inputs: ['Ana'], variables: { order_id: 'T-1' }, timeoutSeconds: 30 },
      { token: tenant.token },
    );
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: 'completed', timedOut: false, variables: { answer: 'Ana' } });
    expect(result.body.transcript.map((t: { from: string; text: string }) => [t.from, t.text])).toEqual([
      ['customer', 'Hi'], // the opening message: WhatsApp lets the bot answer, not write first
      ['bot', 'What is your name? (order T-1)'],
      ['customer', 'Ana'],
      ['bot', 'Thanks, Ana'],
    ]);
    expect(result.body.path.map((p: { nodeId: string; outcome: string | null }) => [p.nodeId, p.outcome])).toEqual([
      ['ask', 'answered'],
      ['thanks', 'next'],
    ]);
    const session = await app.prisma.flowSession.findUniqueOrThrow({ where: { id: result.body.sessionId } });
    expect(session).toMatchObject({ isTest: true, triggerType: 'test', flowVersionId: null });
  });

  it('answers when the bot waits with no inputs left, and cancels that session', async () => {
    const flowId = await createFlow(app.http, tenant.token, questionDocument('Waits'), { publish: false });
    const result = await app.http.post(`/api/flows/${flowId}/test`, { timeoutSeconds: 30 }, { token: tenant.token });
    expect(result.body).toMatchObject({ status: 'waiting', timedOut: false });
    expect(result.body.transcript.map((t: { from: string }) => t.from)).toEqual(['customer', 'bot']);
    const session = await app.prisma.flowSession.findUniqueOrThrow({ where: { id: result.body.sessionId } });
    expect(session.status).toBe('cancelled');
  });

  it('refuses a draft with errors (422) and a workspace without a Sandbox number (409)', async () => {
    const brokenId = await createFlow(app.http, tenant.token, greetingDocument('Broken', ''), { publish: false });
    const refused = await app.http.post(`/api/flows/${brokenId}/test`, {}, { token: tenant.token });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.diagnostics.length).toBeGreaterThan(0);

    const other = await signUpTenant(app.http);
    await app.prisma.channel.deleteMany({ where: { tenantId: other.tenantId, kind: 'sandbox' } });
    const flowId = await createFlow(app.http, other.token, greetingDocument('No sandbox', 'Hi'), { publish: false });
    expect((await app.http.post(`/api/flows/${flowId}/test`, {}, { token: other.token })).status).toBe(409);
  });
});
