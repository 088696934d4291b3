// The other triggers and actions on the real stack: an inbox resolve calling a local webhook
// receiver, a new conversation, a contact update and a tag added through the contacts API
// (update field, assign), start flow and close conversation, idempotency per event, and
// time-based rules fired through their Temporal Schedule.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ruleScheduleId } from '#api/automations/rule-schedule';
import { startAutomationsForEvent } from '#api/automations/start-automations-for-event';
import { eventually } from '../../support/eventually.ts';
import { createFlow, greetingDocument } from '../../support/seed/flow.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import {
  contactOf,
  createRule,
  customerWrites,
  finishedRun,
  newCustomer,
  runsOf,
  seedWorkspace,
  sentTo,
  type Workspace,
} from './harness.ts';

jest.setTimeout(120_000);

let app: TestApp;
let ws: Workspace;
let receiver: Server;
const received: Array<{ headers: Record<string, unknown>; body: Record<string, unknown> }> = [];

beforeAll(async () => {
  app = await startTestApp();
  ws = await seedWorkspace(app);
  receiver = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(text) as Record<string, unknown> });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  receiver?.close();
  await app?.stop();
});

async function conversationOf(contactId: string) {
  return eventually(
    () =>
      app.prisma.conversation.findFirst({
        where: { contactId },
        select: { id: true, status: true, assigneeUserId: true },
      }),
    'the conversation',
  );
}

it('[automations] resolving a conversation in the inbox calls the rule’s webhook', async () => {
  const port = (receiver.address() as AddressInfo).port;
  const ruleId = await createRule(app, ws, {
    name: 'Resolved → CRM',
    trigger: { type: 'conversation_resolved' },
    actions: [{ type: 'call_webhook', url: `http://127.0.0.1:${port}/hook` }],
  });
  const waId = await newCustomer(app, ws, 'Rhea Resolved');
  await customerWrites(app, ws, waId, 'my issue');
  const contact = await contactOf(app, ws, waId);
  const conversation = await conversationOf(contact.id);
  const resolved = await app.http.post(
    `/api/conversations/${conversation.id}/status`,
    { status: 'resolved' },
    { token: ws.owner.token },
  );
  expect(resolved.status).toBe(200);
  const [run] = await finishedRun(app, ws, ruleId);
  expect(run).toMatchObject({ status: 'succeeded', conversationId: conversation.id });
  const call = received.find((r) => r.body.ruleId === ruleId);
  expect(call?.body).toMatchObject({ event: 'automation.run', contactId: contact.id, conversationId: conversation.id });
  expect(call?.headers['idempotency-key']).toBe(`automation:${run?.id}:0`);
});

it('[automations] a new conversation, a contact update and a tag added fire their rules', async () => {
  await app.http.post('/api/custom-fields', { key: 'stage', label: 'Stage', type: 'text' }, { token: ws.owner.token });
  const created = await createRule(app, ws, {
    name: 'New conversation',
    trigger: { type: 'conversation_created' },
    actions: [{ type: 'add_tag', tag: 'new-conversation' }],
  });
  const updated = await createRule(app, ws, {
    name: 'Renamed',
    trigger: { type: 'contact_updated', attributes: ['name'] },
    actions: [{ type: 'update_field', field: 'fields.stage', value: 'renamed to {{contact.name}}' }],
  });
  const tagged = await createRule(app, ws, {
    name: 'VIP to owner',
    trigger: { type: 'tag_added', tag: 'vip' },
    conditions: { match: 'all', items: [{ type: 'attribute', attribute: 'name', operator: 'contains', value: 'val' }] },
    actions: [{ type: 'assign', target: { type: 'agent', userId: ws.owner.session.user.id } }],
  });
  const waId = await newCustomer(app, ws, 'Val Visitor');
  await customerWrites(app, ws, waId, 'hello');
  await finishedRun(app, ws, created);
  const contact = await contactOf(app, ws, waId);
  expect(contact.tags).toContain('new-conversation');

  const patched = await app.http.patch(`/api/contacts/${contact.id}`, { name: 'Valerie' }, { token: ws.owner.token });
  expect(patched.status).toBe(200);
  await finishedRun(app, ws, updated);
  const fields = (await app.prisma.contact.findUniqueOrThrow({ where: { id: contact.id } })).fields;
  expect(fields).toMatchObject({ stage: 'renamed to Valerie' });

  const vip = await app.http.patch(
    `/api/contacts/${contact.id}`,
    { tags: [...contact.tags, 'vip'] },
    { token: ws.owner.token },
  );
  expect(vip.status).toBe(200);
  const [run] = await finishedRun(app, ws, tagged);
  expect(run?.status).toBe('succeeded');
  const conversation = await conversationOf(contact.id);
  expect(conversation.assigneeUserId).toBe(ws.owner.session.user.id);
  // The history and the agent's notification name the rule, not a flow.
  const history = await app.http.get(`/api/conversations/${conversation.id}/assignments`, { token: ws.owner.token });
  expect(history.body.items[0]).toMatchObject({ by: { kind: 'rule', id: tagged, name: 'Rule "VIP to owner"' } });
  const notice = await app.prisma.notification.findFirst({
    where: { tenantId: ws.owner.tenantId, kind: 'conversation.assigned' },
    orderBy: { createdAt: 'desc' },
  });
  expect(notice?.title).toBe('Rule "VIP to owner" handed you a conversation');
});

it('[automations] start flow and close conversation actions', async () => {
  const flowId = await createFlow(app.http, ws.owner.token, greetingDocument('Menu', 'Here is our menu'));
  const flowRule = await createRule(app, ws, {
    name: 'Menu',
    trigger: { type: 'keyword', keywords: ['menu'], match: 'exact' },
    actions: [{ type: 'start_flow', flowId }],
  });
  const byeRule = await createRule(app, ws, {
    name: 'Bye',
    trigger: { type: 'keyword', keywords: ['bye'], match: 'exact' },
    actions: [{ type: 'close_conversation' }],
  });
  const waId = await newCustomer(app, ws, 'Flo Flow');
  await customerWrites(app, ws, waId, 'menu');
  await finishedRun(app, ws, flowRule);
  const contact = await contactOf(app, ws, waId);
  await eventually(() => app.prisma.flowSession.findFirst({ where: { contactId: contact.id, flowId } }), 'a session');
  await eventually(
    async () => (await sentTo(app, ws, contact.id, 'Here is our menu')).length === 1,
    'the flow’s message',
  );

  await customerWrites(app, ws, waId, 'bye');
  await finishedRun(app, ws, byeRule);
  expect((await conversationOf(contact.id)).status).toBe('resolved');
});

it('[automations] the same event dispatched twice runs a rule once', async () => {
  const ruleId = await createRule(app, ws, {
    name: 'Idempotent',
    trigger: { type: 'tag_added' },
    actions: [{ type: 'update_field', field: 'name', value: 'Once' }],
  });
  const waId = await newCustomer(app, ws, 'Ida Twice');
  await customerWrites(app, ws, waId, 'hi');
  const contact = await contactOf(app, ws, waId);
  const event = {
    id: '5a4d3c2b-1a09-4f87-8e65-4d3c2b1a0987',
    tenantId: ws.owner.tenantId,
    type: 'contact.tag_added' as const,
    createdAt: new Date(),
    payload: { contact: { id: contact.id, phone: waId, name: null }, tag: 'x' },
  };
  await Promise.all([startAutomationsForEvent(app.deps, event), startAutomationsForEvent(app.deps, event)]);
  await startAutomationsForEvent(app.deps, event);
  await finishedRun(app, ws, ruleId);
  // (Its other runs are real tag events: the contact's first conversation tagged it.)
  expect((await runsOf(app, ws, ruleId)).filter((run) => run.triggerKey === event.id)).toHaveLength(1);
});

it('[automations] time-based rules run from their Schedule: cron for tagged contacts, and days before a date field', async () => {
  await app.http.post(
    '/api/custom-fields',
    { key: 'renewal', label: 'Renewal', type: 'date' },
    { token: ws.owner.token },
  );
  const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const tenantId = ws.owner.tenantId;
  const due = await app.prisma.contact.create({
    data: {
      tenantId,
      waId: '15550990001',
      phone: '+15550990001',
      name: 'Due',
      fields: { renewal: inThreeDays },
      tags: ['monthly'],
    },
  });
  const notDue = await app.prisma.contact.create({
    data: { tenantId, waId: '15550990002', phone: '+15550990002', name: 'Later', fields: { renewal: '2099-01-01' } },
  });
  const renewal = await createRule(app, ws, {
    name: 'Renewal reminder',
    trigger: { type: 'date_field', field: 'renewal', offsetDays: -3, at: '10:00' },
    actions: [{ type: 'add_tag', tag: 'renewal-reminded' }],
  });
  const monthly = await createRule(app, ws, {
    name: 'Monthly',
    trigger: { type: 'schedule', cron: '0 9 1 * *' },
    conditions: { match: 'all', items: [{ type: 'has_tag', tag: 'monthly' }] },
    actions: [{ type: 'add_tag', tag: 'monthly-done' }],
  });
  for (const ruleId of [renewal, monthly]) {
    const handle = app.deps.temporal.schedule.getHandle(ruleScheduleId(tenantId, ruleId));
    await handle.trigger();
  }
  await finishedRun(app, ws, renewal);
  await finishedRun(app, ws, monthly);
  // A second occurrence the same day does not remind the same contact again.
  await app.deps.temporal.schedule.getHandle(ruleScheduleId(tenantId, renewal)).trigger();
  await eventually(
    () =>
      app.deps.temporal.schedule
        .getHandle(ruleScheduleId(tenantId, renewal))
        .describe()
        .then((d) => d.info.numActionsTaken >= 2),
    'the second occurrence',
  );
  const runs = await runsOf(app, ws, renewal);
  expect(runs.map((run) => run.contactId)).toEqual([due.id]);
  expect((await app.prisma.contact.findUniqueOrThrow({ where: { id: due.id } })).tags).toEqual(
    expect.arrayContaining(['renewal-reminded', 'monthly-done']),
  );
  expect((await app.prisma.contact.findUniqueOrThrow({ where: { id: notDue.id } })).tags).toEqual([]);

  // Disabling a time rule removes its Schedule.
  await app.http.post(`/api/automations/${monthly}/enabled`, { isEnabled: false }, { token: ws.owner.token });
  await expect(app.deps.temporal.schedule.getHandle(ruleScheduleId(tenantId, monthly)).describe()).rejects.toThrow();
});
