// Custom field values written by a flow's update_contact node go through the same validation as
// the API and imports: text from the flow is parsed by the field's type and stored typed; a value
// that does not fit fails the session with a clear error and leaves the contact unchanged.
import { WorkflowFailedError } from '@temporalio/client';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import {
  createFlowRow,
  program,
  seedCustomer,
  startSession,
  type Customer,
} from '../../workflows/flow-session/harness.ts';

jest.setTimeout(90_000);

let app: TestApp;
let customer: Customer;
let flowId: string;

beforeAll(async () => {
  app = await startTestApp();
  customer = await seedCustomer(app, 'Flow Customer');
  flowId = await createFlowRow(app, customer.tenant.tenantId);
  const fields = [
    { key: 'nickname', label: 'Nickname', type: 'text' },
    { key: 'score', label: 'Score', type: 'number' },
    { key: 'birthday', label: 'Birthday', type: 'date' },
    { key: 'plan', label: 'Plan', type: 'dropdown', options: ['Free', 'Gold'] },
    { key: 'interests', label: 'Interests', type: 'multi_select', options: ['Shoes', 'Bags'] },
    { key: 'vip', label: 'VIP', type: 'checkbox' },
  ];
  for (const field of fields) {
    const created = await app.http.post('/api/custom-fields', field, { token: customer.tenant.token });
    expect(created.status).toBe(201);
  }
});
afterAll(() => app?.stop());

const updating = (updates: Array<{ field: string; value: string }>) =>
  program(flowId, { update: { type: 'update_contact', data: { updates } } });

const contactFields = async () =>
  (await app.prisma.contact.findUniqueOrThrow({ where: { id: customer.contactId } })).fields;

it('[contacts] the update_contact node stores every field type in its typed form', async () => {
  const { handle } = await startSession(
    app,
    customer,
    updating([
      { field: 'fields.nickname', value: 'Ace' },
      { field: 'fields.score', value: '1 200' },
      { field: 'fields.birthday', value: '2001-02-03' },
      { field: 'fields.plan', value: 'gold' },
      { field: 'fields.interests', value: 'bags; shoes' },
      { field: 'fields.vip', value: 'Yes' },
    ]),
  );
  await expect(handle.result()).resolves.toEqual({ status: 'completed' });
  expect(await contactFields()).toEqual({
    nickname: 'Ace',
    score: 1200,
    birthday: '2001-02-03',
    plan: 'Gold',
    interests: ['Bags', 'Shoes'],
    vip: true,
  });
});

it.each([
  ['fields.score', 'twelve', 'Score must be a number'],
  ['fields.birthday', '31/02/2001', 'Birthday must be a date'],
  ['fields.plan', 'Platinum', 'Plan must be one of Free, Gold'],
  ['fields.interests', 'Shoes, Cars', '"Cars" is not one of them'],
  ['fields.vip', 'perhaps', 'VIP must be yes or no'],
  ['fields.nickname', 'x'.repeat(1001), 'longer than 1000 characters'],
  ['fields.shoe_size', '44', 'There is no custom contact field "shoe_size"'],
])(
  '[contacts] the update_contact node refuses %s = %s and fails the session, changing nothing',
  async (field, value, message) => {
    const before = await contactFields();
    const { sessionId, handle } = await startSession(
      app,
      customer,
      updating([
        { field: 'name', value: 'Should not be saved' },
        { field, value },
      ]),
    );
    const failure = await handle.result().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause?.message).toContain(message);
    const contact = await app.prisma.contact.findUniqueOrThrow({ where: { id: customer.contactId } });
    expect(contact.fields).toEqual(before);
    expect(contact.name).not.toBe('Should not be saved');
    const session = await app.prisma.flowSession.findUnique({ where: { id: sessionId } });
    expect(session?.status ?? 'failed').toBe('failed');
  },
);
