// The campaign sender records its sends in batches (recordSent) while status webhooks update the
// same messages in batches of their own. Both lock the Message rows they change; taken in
// different orders, two such statements deadlock and PostgreSQL aborts one. They take them in
// one order (by id), so no deadlock ever happens, however the two batches are ordered.
import { randomUUID } from 'node:crypto';
import {
  claimRecipients,
  prepareMessages,
  recordSent,
  type PreparedMessage,
} from '#activities/campaigns/campaign-ledger-sql';
import { createStatusWriter } from '#api/webhooks/apply-statuses';
import type { StatusUpdate } from '#api/whatsapp/webhook-schemas';
import { seedRun, seedTemplate, seedWorkspace, startSendStack, type SendStack } from './send-page-seed.ts';

let stack: SendStack;

beforeAll(async () => {
  stack = await startSendStack();
}, 120_000);
afterAll(() => stack?.stop(), 60_000);

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

async function deadlocks(): Promise<number> {
  const { rows } = await stack.deps.pool.query<{ deadlocks: string }>(
    'SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(rows[0]!.deadlocks);
}

describe('[campaigns] the sent-ledger and status webhooks', () => {
  it('record the same messages concurrently, in any order, without a deadlock', async () => {
    const ws = await seedWorkspace(stack);
    const hello = await seedTemplate(stack, ws, 'hello_world', 'Hello World');
    const run = await seedRun(stack, ws, {
      message: { kind: 'template', templateId: hello, bodyVariables: [] },
      contacts: 300,
    });
    const { pool } = stack.deps;
    const target = { tenantId: ws.tenantId, runId: run.runId, channelId: ws.channelId, phase: 'main' as const };
    const claimed = await claimRecipients(pool, target, 300);
    const prepared: PreparedMessage[] = await prepareMessages(
      pool,
      target,
      claimed.map((r) => ({
        recipientId: r.id,
        contactId: r.contactId,
        type: 'template',
        content: { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
        text: null,
      })),
    );
    const sent = prepared.map((p) => ({
      recipientId: p.recipientId,
      messageId: p.messageId,
      providerMessageId: `wamid.${randomUUID()}`,
    }));
    const waIdOf = new Map(claimed.map((r) => [r.contactId, r.waId]));
    const statuses = (status: string): StatusUpdate[] =>
      prepared.map((p, i) => ({
        id: sent[i]!.providerMessageId,
        status,
        timestamp: String(Math.floor(Date.now() / 1000)),
        recipient_id: waIdOf.get(p.contactId)!,
        biz_opaque_callback_data: p.messageId,
      }));
    const writer = createStatusWriter(pool);
    const before = await deadlocks();

    for (const status of ['sent', 'delivered', 'read', 'delivered', 'read', 'read', 'read', 'read']) {
      const [recorded, applied] = await Promise.allSettled([
        recordSent(pool, target, shuffled(sent)),
        writer.apply(target, shuffled(statuses(status))),
      ]);
      expect(recorded.status).toBe('fulfilled');
      expect(applied.status).toBe('fulfilled');
    }

    expect(await deadlocks()).toBe(before);
    const { rows } = await pool.query<{ status: string; count: number }>(
      `SELECT status, count(*)::int AS count FROM "Message" WHERE id = ANY($1::uuid[]) GROUP BY status`,
      [prepared.map((p) => p.messageId)],
    );
    expect(rows).toEqual([{ status: 'read', count: 300 }]);
  });
});
