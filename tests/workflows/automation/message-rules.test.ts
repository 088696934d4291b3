// Rules triggered by customers' messages, through the real pipeline: the Sandbox simulator posts
// the webhook, ingestion emits message.received, the dispatcher's listener starts the rule's
// workflow on the real worker, and its actions reach the simulator.
import { eventually } from '../../support/eventually.ts';
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

beforeAll(async () => {
  app = await startTestApp();
  ws = await seedWorkspace(app);
});
afterAll(() => app?.stop());

const always = { days: {} as Record<string, unknown> };
const everyHour = {
  days: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
  ),
};

it('[automations] a keyword rule answers the customer, tags them, and logs each action', async () => {
  const ruleId = await createRule(app, ws, {
    name: 'Price',
    trigger: { type: 'keyword', keywords: ['price'], match: 'contains' },
    actions: [
      { type: 'send_message', text: 'Hi {{contact.name}}, prices are on our site' },
      { type: 'add_tag', tag: 'lead' },
    ],
  });
  const waId = await newCustomer(app, ws, 'Pia Price');
  await customerWrites(app, ws, waId, 'What is the PRICE of a box?');
  const [run] = await finishedRun(app, ws, ruleId);
  expect(run).toMatchObject({ status: 'succeeded', error: null });
  expect(run?.outcome.map((o) => [o.action, o.status])).toEqual([
    ['send_message', 'succeeded'],
    ['add_tag', 'succeeded'],
  ]);
  const contact = await contactOf(app, ws, waId);
  expect(contact.tags).toContain('lead');
  const sent = await eventually(async () => {
    const rows = await sentTo(app, ws, contact.id, 'prices are on our site');
    return rows.length > 0 ? rows : null;
  }, 'the reply reaching the simulator');
  expect(sent[0]?.text).toBe('Hi Pia Price, prices are on our site');

  // Another message without the keyword does not fire it.
  await customerWrites(app, ws, waId, 'thanks!');
  await customerWrites(app, ws, waId, 'price again');
  await finishedRun(app, ws, ruleId, 2);
  expect(await runsOf(app, ws, ruleId)).toHaveLength(2);
});

it('[automations] exact and regex keywords match only what they say', async () => {
  const exact = await createRule(app, ws, {
    name: 'Exact stop',
    trigger: { type: 'keyword', keywords: ['stop'], match: 'exact' },
    actions: [{ type: 'add_tag', tag: 'said-stop' }],
  });
  const regex = await createRule(app, ws, {
    name: 'Order number',
    trigger: { type: 'keyword', keywords: ['^order #\\d{4}$'], match: 'regex' },
    actions: [{ type: 'add_tag', tag: 'order-asked' }],
  });
  const waId = await newCustomer(app, ws, 'Rex Regex');
  await customerWrites(app, ws, waId, 'please stop it');
  await customerWrites(app, ws, waId, 'Order #1234');
  await finishedRun(app, ws, regex);
  await customerWrites(app, ws, waId, ' STOP ');
  await finishedRun(app, ws, exact);
  expect(await runsOf(app, ws, exact)).toHaveLength(1);
  expect((await contactOf(app, ws, waId)).tags).toEqual(expect.arrayContaining(['said-stop', 'order-asked']));
});

it('[automations] a greeting answers the first message of a new conversation only', async () => {
  const ruleId = await createRule(app, ws, {
    name: 'Greeting',
    kind: 'greeting',
    channelId: ws.channelId,
    trigger: { type: 'greeting' },
    actions: [{ type: 'send_message', text: 'Welcome! An agent will be with you shortly.' }],
  });
  const waId = await newCustomer(app, ws, 'Gia Greeted');
  await customerWrites(app, ws, waId, 'hello there');
  await finishedRun(app, ws, ruleId);
  await customerWrites(app, ws, waId, 'second message');
  const contact = await contactOf(app, ws, waId);
  await eventually(async () => (await sentTo(app, ws, contact.id, 'Welcome!')).length === 1, 'the greeting');
  // The second message's events have been dispatched once it is stored; still a single run.
  await eventually(
    () => app.prisma.message.count({ where: { contactId: contact.id, direction: 'inbound' } }).then((n) => n === 2),
    'both messages stored',
  );
  expect((await runsOf(app, ws, ruleId)).filter((run) => run.contactId === contact.id)).toHaveLength(1);
});

it('[automations] an away message answers outside business hours, once per cooldown', async () => {
  const ruleId = await createRule(app, ws, {
    name: 'Away',
    kind: 'away',
    channelId: ws.channelId,
    trigger: { type: 'away', hours: always, cooldownHours: 12 }, // never open
    actions: [{ type: 'send_message', text: 'We are closed, back tomorrow at 9' }],
  });
  const open = await createRule(app, ws, {
    name: 'Away while open',
    kind: 'away',
    trigger: { type: 'away', hours: everyHour },
    actions: [{ type: 'add_tag', tag: 'never' }],
  });
  const waId = await newCustomer(app, ws, 'Otto After-Hours');
  await customerWrites(app, ws, waId, 'anyone there?');
  await finishedRun(app, ws, ruleId);
  await customerWrites(app, ws, waId, 'hello??');
  const contact = await contactOf(app, ws, waId);
  await eventually(
    () => app.prisma.message.count({ where: { contactId: contact.id, direction: 'inbound' } }).then((n) => n === 2),
    'both messages stored',
  );
  await eventually(async () => (await sentTo(app, ws, contact.id, 'We are closed')).length === 1, 'the away reply');
  expect((await runsOf(app, ws, ruleId)).filter((run) => run.contactId === contact.id)).toHaveLength(1);
  expect(await runsOf(app, ws, open)).toHaveLength(0);
  expect((await contactOf(app, ws, waId)).tags).not.toContain('never');
});

it('[automations] outside its window a rule logs a skipped run; a disabled rule does not fire', async () => {
  const closed = await createRule(app, ws, {
    name: 'Never in window',
    trigger: { type: 'keyword', keywords: ['window'] },
    actions: [{ type: 'add_tag', tag: 'windowed' }],
    window: always,
  });
  const disabled = await createRule(app, ws, {
    name: 'Disabled',
    isEnabled: false,
    trigger: { type: 'keyword', keywords: ['window'] },
    actions: [{ type: 'add_tag', tag: 'disabled-fired' }],
  });
  const marker = await createRule(app, ws, {
    name: 'Marker',
    trigger: { type: 'keyword', keywords: ['window'] },
    actions: [{ type: 'add_tag', tag: 'marker' }],
  });
  const waId = await newCustomer(app, ws, 'Wendy Window');
  await customerWrites(app, ws, waId, 'window test');
  await finishedRun(app, ws, marker);
  const [skipped] = await finishedRun(app, ws, closed);
  expect(skipped).toMatchObject({ status: 'skipped', error: expect.stringContaining('Outside the rule') });
  expect(skipped?.outcome.every((o) => o.status === 'not_run')).toBe(true);
  expect(await runsOf(app, ws, disabled)).toHaveLength(0);
  const tags = (await contactOf(app, ws, waId)).tags;
  expect(tags).toContain('marker');
  expect(tags).not.toContain('windowed');
  expect(tags).not.toContain('disabled-fired');

  // Enabled again, it fires on the next message.
  const enabled = await app.http.post(
    `/api/automations/${disabled}/enabled`,
    { isEnabled: true },
    { token: ws.owner.token },
  );
  expect(enabled.status).toBe(200);
  await customerWrites(app, ws, waId, 'window again');
  await finishedRun(app, ws, disabled);
  expect((await contactOf(app, ws, waId)).tags).toContain('disabled-fired');
});

it('[automations] a failing action fails the run with its error and stops the later actions', async () => {
  const ruleId = await createRule(app, ws, {
    name: 'Bad template',
    trigger: { type: 'keyword', keywords: ['promo'] },
    actions: [
      { type: 'send_template', templateName: 'no_such_template', language: 'en_US' },
      { type: 'add_tag', tag: 'after-failure' },
    ],
  });
  const waId = await newCustomer(app, ws, 'Fay Failure');
  await customerWrites(app, ws, waId, 'promo please');
  const [run] = await finishedRun(app, ws, ruleId);
  expect(run?.status).toBe('failed');
  expect(run?.error).toMatch(/^send_template: .*Template name does not exist/);
  expect(run?.outcome.map((o) => o.status)).toEqual(['failed', 'not_run']);
  expect((await contactOf(app, ws, waId)).tags).not.toContain('after-failure');
});
