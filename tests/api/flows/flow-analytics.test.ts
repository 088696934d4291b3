// The canvas overlay's numbers come from real sessions: simulated customers on the Sandbox number
// run a published flow through the API; some answer (completed), one never does (timed out), one
// is cancelled, and a later version's session is still waiting. Counts are per version, per node.
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { createFlow, greetingDocument } from '../../support/seed/flow.ts';
import { eventually } from '../../support/eventually.ts';

jest.setTimeout(120_000);

let app: TestApp;
let tenant: SeededTenant;
let channelId: string;

beforeAll(async () => {
  app = await startTestApp();
  tenant = await signUpTenant(app.http);
  channelId = (await app.http.get('/api/sandbox', { token: tenant.token })).body.channel.id;
});
afterAll(() => app.stop());

/** start → ask (order number, saved as vars.order) → thanks; a timeout with no edge ends the session. */
function orderDocument(timeoutSeconds: number) {
  return {
    schemaVersion: 2,
    name: 'Order status',
    trigger: { type: 'manual' },
    variables: [],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      {
        id: 'ask',
        type: 'ask_question',
        position: { x: 0, y: 100 },
        data: { prompt: 'Your order number?', saveAs: 'order', timeoutSeconds },
      },
      { id: 'thanks', type: 'send_text', position: { x: 0, y: 200 }, data: { text: 'Looking up {{vars.order}}' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
      { id: 'e2', source: 'ask', sourceHandle: 'answered', target: 'thanks' },
    ],
  };
}

/** A simulated customer who has written (so the 24-hour window is open), as a phone number. */
async function customer(name: string): Promise<{ waId: string; phone: string }> {
  const token = tenant.token;
  const created = await app.http.post('/api/sandbox/customers', { name }, { token });
  const waId: string = created.body.waId;
  await say(waId, 'hello');
  await eventually(
    async () => (await app.prisma.message.count({ where: { tenantId: tenant.tenantId, contact: { waId } } })) > 0,
    `${name}'s first message`,
  );
  return { waId, phone: `+${waId}` };
}

async function say(waId: string, body: string): Promise<void> {
  const sent = await app.http.post(
    `/api/sandbox/customers/${waId}/messages`,
    { type: 'text', text: { body } },
    { token: tenant.token },
  );
  expect(sent.status).toBe(201);
}

async function run(flowId: string, phone: string): Promise<string> {
  const started = await app.http.post(`/api/flows/${flowId}/run`, { channelId, phone }, { token: tenant.token });
  expect(started.status).toBe(202);
  return started.body.sessionId;
}

async function statusOf(sessionId: string, status: string, currentNodeId?: string): Promise<void> {
  await eventually(async () => {
    const row = await app.prisma.flowSession.findUnique({ where: { id: sessionId } });
    return row?.status === status && (currentNodeId === undefined || row.currentNodeId === currentNodeId);
  }, `session ${sessionId} to be ${status}`);
}

async function analytics(flowId: string, query = '') {
  return app.http.get(`/api/flows/${flowId}/analytics${query}`, { token: tenant.token });
}

describe('[flows] analytics for the canvas', () => {
  it('counts sessions and per-node entries, exits, drop-offs and times of each published version', async () => {
    const token = tenant.token;
    const flowId = await createFlow(app.http, token, orderDocument(10));
    const people = await Promise.all(['Ana', 'Bo', 'Cy', 'Di'].map((name) => customer(`${name} Analytics`)));
    const [ana, bo, cy, di] = await Promise.all(people.map((person) => run(flowId, person.phone)));
    await Promise.all([ana, bo, cy, di].map((id) => statusOf(id!, 'waiting', 'ask')));

    await say(people[0]!.waId, 'A-1');
    await say(people[1]!.waId, 'B-2');
    const cancelled = await app.http.post(`/api/flows/sessions/${di}/cancel`, undefined, { token });
    expect(cancelled.status).toBe(204);
    await Promise.all([statusOf(ana!, 'completed'), statusOf(bo!, 'completed'), statusOf(di!, 'cancelled')]);
    await statusOf(cy!, 'timed_out'); // nobody answered within 10 s

    // A test-panel session never counts, even one that would match the version.
    const v1 = await app.prisma.flowVersion.findFirstOrThrow({ where: { flowId, version: 1 } });
    const contact = await app.prisma.contact.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
    const test = await app.prisma.flowSession.create({
      data: {
        tenantId: tenant.tenantId,
        flowId,
        flowVersionId: v1.id,
        channelId,
        contactId: contact.id,
        workflowId: 'flow-session-analytics-test-run',
        triggerType: 'test',
        isTest: true,
        status: 'timed_out',
      },
    });
    const at = new Date();
    await app.prisma.flowStepEvent.create({
      data: {
        tenantId: tenant.tenantId,
        sessionId: test.id,
        flowId,
        seq: 1,
        nodeId: 'ask',
        nodeType: 'ask_question',
        enteredAt: at,
      },
    });

    const first = await analytics(flowId);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      version: 1,
      sessions: { started: 4, completed: 2, active: 0, dropped: 2 },
      nodes: [
        // Cy's timeout and Di's cancel both left the question; both sessions stopped there.
        { nodeId: 'ask', nodeType: 'ask_question', entered: 4, exited: 4, dropped: 2, averageMs: expect.any(Number) },
        { nodeId: 'thanks', nodeType: 'send_text', entered: 2, exited: 2, dropped: 0, averageMs: expect.any(Number) },
      ],
    });
    expect(first.body.nodes[0].averageMs).toBeGreaterThan(1000); // Cy alone waited 10 s

    // Version 2 asks with a longer timeout: its session is still waiting, and version 1 keeps its counts.
    await app.http.patch(`/api/flows/${flowId}`, { document: orderDocument(600) }, { token });
    expect((await app.http.post(`/api/flows/${flowId}/publish`, { note: 'Longer wait' }, { token })).status).toBe(200);
    const ed = await customer('Ed Analytics');
    const waiting = await run(flowId, ed.phone);
    await statusOf(waiting, 'waiting', 'ask');
    expect((await analytics(flowId)).body).toEqual({
      version: 2,
      sessions: { started: 1, completed: 0, active: 1, dropped: 0 },
      nodes: [{ nodeId: 'ask', nodeType: 'ask_question', entered: 1, exited: 0, dropped: 0, averageMs: null }],
    });
    expect((await analytics(flowId, '?version=1')).body).toEqual(first.body);
    await app.http.post(`/api/flows/sessions/${waiting}/cancel`, undefined, { token });
  });

  it('answers zeros for a flow never published, 404 for an unknown version and 400 for a bad one', async () => {
    const token = tenant.token;
    const draftId = await createFlow(app.http, token, greetingDocument('Never published', 'Hi'), { publish: false });
    expect((await analytics(draftId)).body).toEqual({
      version: null,
      sessions: { started: 0, completed: 0, active: 0, dropped: 0 },
      nodes: [],
    });
    const missing = await analytics(draftId, '?version=1');
    expect(missing.status).toBe(404);
    expect(missing.body.error.details.fields).toEqual([expect.objectContaining({ field: 'version' })]);

    const liveId = await createFlow(app.http, token, greetingDocument('Published, unused', 'Hi'));
    expect((await analytics(liveId)).body).toEqual({
      version: 1,
      sessions: { started: 0, completed: 0, active: 0, dropped: 0 },
      nodes: [],
    });
    expect((await analytics(liveId, '?version=2')).status).toBe(404);
    const bad = await analytics(liveId, '?version=first');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields).toEqual([expect.objectContaining({ field: 'version', in: 'query' })]);
  });
});
