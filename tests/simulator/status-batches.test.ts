// [simulator] statusBatchMs: statuses of one number gathered into one webhook POST (Meta's payload
// allows several in value.statuses), each chat's still in order; off by default.
import { startSandbox, type Sandbox } from './support/sandbox.ts';

let sandbox: Sandbox;
afterEach(() => sandbox.stop());

async function sendToCustomers(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { waId } = await sandbox.customer(`Customer ${i}`);
    const reply = await sandbox.send({ type: 'text', text: { body: `Hello ${i}` } }, waId);
    ids.push(reply.body.messages[0].id);
  }
  return ids;
}

it('[simulator] sends each status in its own POST by default', async () => {
  sandbox = await startSandbox();
  const ids = await sendToCustomers(3);
  await sandbox.settle();
  const statusPosts = sandbox.receiver.received.filter((w) => w.body.entry[0].changes[0].value.statuses);
  expect(statusPosts.length).toBe(ids.length * 2);
  expect(statusPosts.every((w) => w.body.entry[0].changes[0].value.statuses.length === 1)).toBe(true);
});

it('[simulator] gathers the statuses of many chats into a few signed POSTs, in order per message', async () => {
  sandbox = await startSandbox({ statusBatchMs: 200, statusBatchMax: 4 });
  const ids = await sendToCustomers(6);
  await sandbox.settle();
  const statusPosts = sandbox.receiver.received.filter((w) => w.body.entry[0].changes[0].value.statuses);
  expect(statusPosts.length).toBeLessThan(ids.length * 2);
  expect(Math.max(...statusPosts.map((w) => w.body.entry[0].changes[0].value.statuses.length))).toBe(4);
  expect(statusPosts.every((w) => w.headers['x-hub-signature-256'])).toBe(true);
  for (const id of ids) {
    const statuses = sandbox.receiver.statuses().filter((s: { id: string }) => s.id === id);
    expect(statuses.map((s: { status: string }) => s.status)).toEqual(['sent', 'delivered']);
  }
  expect(statusPosts[0]!.body.entry[0].changes[0].value.metadata.phone_number_id).toBe(sandbox.number.phoneNumberId);
});
