// The nodes that do not wait, against the real Temporal server, database and sandbox: CRM
// changes, logic, data tables, the AI fallback.
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { createFlowRow, program, said, seedCustomer, startSession, textsSentBy, type Customer } from './harness.ts';

jest.setTimeout(60_000);

let app: TestApp;
let customer: Customer;
let flowId: string;
beforeAll(async () => {
  app = await startTestApp();
  customer = await seedCustomer(app);
  flowId = await createFlowRow(app, customer.tenant.tenantId);
});
afterAll(() => app?.stop());

const ALWAYS_OPEN = {
  days: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
  ),
};

it('[flows] contact, logic, data table and AI fallback nodes change what later nodes see', async () => {
  const tenantId = customer.tenant.tenantId;
  const table = await app.prisma.dataTable.create({
    data: { tenantId, name: `Orders ${flowId}`, columns: ['code', 'item'] },
  });
  await app.prisma.dataTableRow.create({
    data: { tenantId, tableId: table.id, values: { code: 'A1', item: 'Blue shirt' } },
  });
  await app.prisma.contact.update({ where: { id: customer.contactId }, data: { tags: ['old'] } });
  // update_contact writes only the workspace's custom fields (api/contacts/field-values.ts).
  await app.prisma.customField.create({ data: { tenantId, key: 'plan', label: 'Plan', type: 'text' } });
  const prog = program(flowId, {
    hello: { type: 'send_text', data: { text: 'Hi {{contact.name}}' }, next: { next: 'set' } },
    set: {
      type: 'set_variable',
      data: {
        assignments: [
          { name: 'plan', value: 'gold' },
          { name: 'code', value: 'A1' },
        ],
      },
      next: { next: 'check' },
    },
    check: {
      type: 'condition',
      data: {
        conditions: {
          op: 'and',
          conditions: [{ left: { source: 'var', key: 'plan' }, operator: 'equals', value: 'gold' }],
        },
      },
      next: { true: 'update', false: null },
    },
    update: {
      type: 'update_contact',
      data: {
        updates: [
          { field: 'fields.plan', value: '{{vars.plan}}' },
          { field: 'name', value: 'Ana Gold' },
        ],
      },
      next: { next: 'tag' },
    },
    tag: { type: 'add_tag', data: { tags: ['vip', '{{vars.plan}}'] }, next: { next: 'untag' } },
    untag: { type: 'remove_tag', data: { tags: ['old'] }, next: { next: 'hours' } },
    hours: {
      type: 'business_hours',
      data: { hours: ALWAYS_OPEN, timezone: 'Europe/Lisbon' },
      next: { open: 'lookup', closed: null },
    },
    lookup: {
      type: 'data_table_lookup',
      data: {
        tableId: table.id,
        column: 'code',
        value: '{{vars.code}}',
        resultMapping: [{ variable: 'item', column: 'item' }],
      },
      next: { found: 'intent', not_found: null },
    },
    intent: {
      type: 'ai_intent',
      data: {
        intents: [
          { id: 'hours', name: 'Opening hours', keywords: ['open'] },
          { id: 'order', name: 'Order', keywords: ['order'] },
        ],
      },
      next: { 'intent:hours': 'answer', fallback: null },
    },
    answer: {
      type: 'ai_reply',
      data: {
        knowledge: 'Q: When do you open?\nA: We open at 9.\n\nQ: Do you ship abroad?\nA: Yes.',
        fallbackText: 'Sorry',
        saveAs: 'reply',
      },
      next: { next: 'summary' },
    },
    summary: {
      type: 'send_text',
      data: { text: '{{contact.name}} {{contact.fields.plan}} {{vars.item}} {{vars.reply}}' },
      next: { next: 'closed' },
    },
    closed: { type: 'business_hours', data: { hours: { days: {} } }, next: { open: null, closed: 'end' } },
    end: { type: 'end' },
  });
  const { sessionId, handle } = await startSession(app, customer, prog, { firstInput: said('When do you open?') });
  await expect(handle.result()).resolves.toEqual({ status: 'completed' });
  expect(await textsSentBy(app, sessionId)).toEqual([
    'Hi Ana Customer',
    'We open at 9.',
    'Ana Gold gold Blue shirt We open at 9.',
  ]);
  const contact = await app.prisma.contact.findUniqueOrThrow({ where: { id: customer.contactId } });
  expect(contact).toMatchObject({ name: 'Ana Gold', fields: { plan: 'gold' } });
  expect(contact.tags.sort()).toEqual(['gold', 'vip']);
  const steps = await app.prisma.flowStepEvent.findMany({ where: { sessionId }, orderBy: { seq: 'asc' } });
  expect(steps.map((s) => s.outcome)).toEqual([
    'next',
    'next',
    'true',
    'next',
    'next',
    'next',
    'open',
    'found',
    'intent:hours',
    'next',
    'next',
    'closed',
    'end',
  ]);
});
