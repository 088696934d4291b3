// `npm run bench:automations`: trigger-to-action latency of a keyword rule on `npm start`'s stack.
// N simulated customers each write "price?" to the Sandbox number, spread over RAMP seconds; the
// rule answers each with a text. Measured per customer: from the message leaving the phone to the
// rule's reply reaching it (webhook → ingestion → message.received → rule match → automation
// workflow → send activity → simulator), plus the run log's own figure (AutomationRun triggeredAt
// → finishedAt). Target: p95 under 2 s. The simulator runs in this process with no artificial
// latency, so the figures measure Parley.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startMetaSimulator } from '#simulator/start-meta-simulator';
import { call } from './bench-api.ts';
import { quantile } from './quantile.ts';
import { startStack } from './start-stack.ts';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 200);
const RAMP_SECONDS = Number(process.env.BENCH_RAMP_SECONDS ?? 20);
const REPLY_TIMEOUT_MS = 30_000;

export async function benchAutomations(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-automations-'));
  chmodSync(dataDir, 0o755);
  const sandbox = await startMetaSimulator({ latencyMs: { min: 0, max: 0 }, throughputPerSecond: 1000 });
  const stack = await startStack(dataDir, { SANDBOX_URL: sandbox.url }, { apiOnly: true });
  try {
    const base = `http://127.0.0.1:${stack.port}`;
    const session = await call(base, 'POST', '/api/auth/signup', undefined, {
      name: 'Bench',
      email: `bench-${Date.now()}@example.com`,
      password: 'bench password 123',
      workspaceName: 'Automations bench',
    });
    const token = session.accessToken as string;
    const channels = (await call(base, 'GET', '/api/channels', token)) as { items: Array<Record<string, string>> };
    const phoneNumberId = channels.items.find((c) => c.kind === 'sandbox')?.phoneNumberId ?? '';
    await call(base, 'POST', '/api/automations', token, {
      name: 'Price keyword',
      trigger: { type: 'keyword', keywords: ['price'], match: 'contains' },
      actions: [{ type: 'send_message', text: 'Our prices: https://example.com/prices' }],
    });
    const replied = new Map<string, number>();
    const waiting = new Map<string, () => void>();
    sandbox.simulator.onEvent((event) => {
      if (event.type === 'message-to-customer' && !replied.has(event.waId)) {
        replied.set(event.waId, performance.now());
        waiting.get(event.waId)?.();
      }
    });
    const customers = Array.from({ length: CUSTOMERS }, (_, i) =>
      sandbox.simulator.customers.add(phoneNumberId, { name: `Buyer ${i}`, waId: String(4480000000 + i) }),
    );
    const latencies: number[] = [];
    let missed = 0;
    const started = performance.now();
    await Promise.all(
      customers.map(async (customer, i) => {
        await sleep((i / CUSTOMERS) * RAMP_SECONDS * 1000);
        const reply = new Promise<void>((resolve) => waiting.set(customer.waId, resolve));
        const sentAt = performance.now();
        await sandbox.simulator.customers.send(phoneNumberId, customer.waId, {
          type: 'text',
          text: { body: 'price?' },
        });
        const answered = await Promise.race([reply.then(() => true), sleep(REPLY_TIMEOUT_MS).then(() => false)]);
        if (answered) {
          latencies.push((replied.get(customer.waId) ?? sentAt) - sentAt);
        } else {
          missed += 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const runs = await runLatencies(stack.databaseUrl);
    console.log(
      `\n${CUSTOMERS} customers over ${RAMP_SECONDS} s (${(CUSTOMERS / RAMP_SECONDS).toFixed(1)} msg/s), ${seconds.toFixed(1)} s in all`,
    );
    console.log('| measure | p50 ms | p95 ms | max ms | n |');
    console.log('|---|---|---|---|---|');
    console.log(
      `| phone → rule's reply on the phone | ${quantile(latencies, 0.5)} | ${quantile(latencies, 0.95)} | ${quantile(latencies, 1)} | ${latencies.length} |`,
    );
    console.log(
      `| run log: event → run finished | ${quantile(runs, 0.5)} | ${quantile(runs, 0.95)} | ${quantile(runs, 1)} | ${runs.length} |`,
    );
    console.log(`no reply within ${REPLY_TIMEOUT_MS / 1000} s: ${missed}`);
  } finally {
    await stack.stop();
    await sandbox.stop();
    if (!process.env.BENCH_KEEP_DATA) {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

async function runLatencies(databaseUrl: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ ms: number }>(
      `SELECT EXTRACT(EPOCH FROM ("finishedAt" - "triggeredAt")) * 1000 AS ms FROM "AutomationRun" WHERE status = 'succeeded'`,
    );
    return rows.map((row) => Number(row.ms));
  } finally {
    await client.end();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
