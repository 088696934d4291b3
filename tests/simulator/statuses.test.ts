// [simulator] the delivery lifecycle after a 200 (contract §5, §13): sent → delivered → read with
// pricing on sent and on one of delivered/read, biz_opaque_callback_data echoed, the phone going
// offline and online, reactions. Failures are in delivery-failures.test.ts.
import { statusUpdateSchema } from '#api/whatsapp/webhook-schemas';
import { fakeClock, startSandbox, type Sandbox } from './support/sandbox.ts';

const clock = fakeClock();
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ now: clock.now });
});
afterAll(() => sandbox.stop());

const statusesOf = (id: string) => sandbox.receiver.statuses().filter((s: any) => s.id === id);
const FREE = { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };

it('[simulator] reports sent then delivered with free service pricing, then read when the customer reads', async () => {
  const { waId } = await sandbox.customer();
  const reply = await sandbox.send(
    { type: 'text', text: { body: 'Your order shipped' }, biz_opaque_callback_data: 'order-42' },
    waId,
  );
  const id = reply.body.messages[0].id;
  await sandbox.settle();
  expect(statusesOf(id).map((s: any) => s.status)).toEqual(['sent', 'delivered']);
  for (const status of statusesOf(id)) {
    expect(statusUpdateSchema.parse(status)).toEqual(status);
    expect(status).toEqual({
      id,
      status: expect.any(String),
      timestamp: String(Math.floor(clock.at / 1000)),
      recipient_id: waId,
      biz_opaque_callback_data: 'order-42',
      pricing: FREE,
    });
  }
  const read = await sandbox.control('POST', sandbox.customerPath(waId, '/read'));
  expect(read.body.read).toEqual([id]);
  await sandbox.settle();
  const last = statusesOf(id).at(-1);
  expect(last).toEqual({
    id,
    status: 'read',
    timestamp: expect.any(String),
    recipient_id: waId,
    biz_opaque_callback_data: 'order-42',
  });
  const customers = await sandbox.control('GET', `/numbers/${sandbox.number.phoneNumberId}/customers`);
  expect(customers.body.data.find((c: any) => c.waId === waId)).toMatchObject({ unreadCount: 0, windowOpen: true });
});

it('[simulator] prices templates by category: marketing is billable, utility in the window is free', async () => {
  const { waId } = await sandbox.customer('Template Fan');
  const marketing = await sandbox.graph('POST', `/${sandbox.number.wabaId}/message_templates`, {
    name: 'spring_sale',
    language: 'en',
    category: 'marketing',
    components: [{ type: 'BODY', text: 'Spring sale starts today at our shop.' }],
  });
  expect(marketing.body).toEqual({ id: expect.any(String), status: 'PENDING', category: 'MARKETING' });
  await sandbox.settle();
  const sale = await sandbox.send(
    { type: 'template', template: { name: 'spring_sale', language: { code: 'en' } } },
    waId,
  );
  const hello = await sandbox.send(
    { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
    waId,
  );
  await sandbox.settle();
  const pricing = (id: string) => statusesOf(id).map((s: any) => [s.status, s.pricing]);
  expect(pricing(sale.body.messages[0].id)).toEqual([
    ['sent', { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' }],
    ['delivered', { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' }],
  ]);
  expect(pricing(hello.body.messages[0].id)[0]).toEqual([
    'sent',
    { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'utility' },
  ]);
});

it('[simulator] holds delivery while the phone is offline and delivers when it comes online', async () => {
  const { waId } = await sandbox.customer('Offline');
  await sandbox.control('POST', sandbox.customerPath(waId, '/presence'), { online: false });
  const reply = await sandbox.send({ type: 'text', text: { body: 'ping' } }, waId);
  await sandbox.settle();
  expect(statusesOf(reply.body.messages[0].id).map((s: any) => s.status)).toEqual(['sent']);
  await sandbox.control('POST', sandbox.customerPath(waId, '/presence'), { online: true });
  await sandbox.settle();
  expect(statusesOf(reply.body.messages[0].id).map((s: any) => s.status)).toEqual(['sent', 'delivered']);
});

it('[simulator] a read without delivered carries the pricing; a business reaction only gets sent', async () => {
  const { waId, firstMessageId } = await sandbox.customer('Fast Reader');
  await sandbox.control('POST', sandbox.customerPath(waId, '/presence'), { online: false });
  const reply = await sandbox.send({ type: 'text', text: { body: 'read me' } }, waId);
  const reaction = await sandbox.send(
    { type: 'reaction', reaction: { message_id: firstMessageId, emoji: '❤️' } },
    waId,
  );
  await sandbox.settle();
  await sandbox.control('POST', sandbox.customerPath(waId, '/read'));
  await sandbox.settle();
  expect(statusesOf(reply.body.messages[0].id).map((s: any) => [s.status, Boolean(s.pricing)])).toEqual([
    ['sent', true],
    ['read', true],
  ]);
  expect(statusesOf(reaction.body.messages[0].id).map((s: any) => s.status)).toEqual(['sent']);
});
