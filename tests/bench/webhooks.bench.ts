// `npm run bench:webhooks`: events fanned out to 5 webhook subscribers on `npm start`'s stack.
// Four receivers answer 200; one answers 500 half the time (a short retry policy: 4 attempts,
// 200 ms then ×2, so the run ends). Events are emitted by emitEvent in this process, connected to
// the stack's PostgreSQL and Temporal like a second API process, at a steady rate; the stack's
// worker runs the delivery workflows. Reports event-to-first-attempt latency (p50/p95 per
// subscriber pair), deliveries/s, and checks every event reached every healthy subscriber exactly
// once by event id (duplicates, allowed by at-least-once, are counted apart).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { emitEvent } from '#api/events/emit-event';
import { loadEnv } from '#lib/env';
import { createLogger } from '#lib/logger';
import { freePort } from '../../scripts/lib/ports.ts';
import { call } from './bench-api.ts';
import { watchProcess } from './process-usage.ts';
import { quantile } from './quantile.ts';
import { startStack } from './start-stack.ts';

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 10_000);
const RATE = Number(process.env.BENCH_WEBHOOK_RATE ?? 50);
const SUBSCRIBERS = 5;
const STALL_MS = 120_000;

type Sink = { url: string; firstSeen: Map<string, number>; duplicates: number; requests: number; close: () => void };

export async function benchWebhooks(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-webhooks-'));
  chmodSync(dataDir, 0o755);
  const temporalPort = await freePort();
  const stack = await startStack(
    dataDir,
    { TEMPORAL_DEV_PORT: String(temporalPort), OUTBOUND_HTTP_ALLOW_PRIVATE: '127.0.0.1', SEED_DEMO: 'false' },
    { apiOnly: true },
  );
  const sinks = await Promise.all(Array.from({ length: SUBSCRIBERS }, (_, i) => startSink(i === SUBSCRIBERS - 1)));
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 20 });
  const connection = await Connection.connect({ address: `127.0.0.1:${temporalPort}` });
  try {
    const base = `http://127.0.0.1:${stack.port}`;
    const session = await call(base, 'POST', '/api/auth/signup', undefined, {
      name: 'Bench',
      email: `bench-${Date.now()}@example.com`,
      password: 'bench password 123',
      workspaceName: 'Webhook Bench',
    });
    const token = session.accessToken as string;
    const tenantId = (session.tenant as { id: string }).id;
    for (const [i, sink] of sinks.entries()) {
      const failing = i === SUBSCRIBERS - 1;
      await call(base, 'POST', '/api/webhook-subscriptions', token, {
        name: failing ? 'flaky' : `healthy ${i + 1}`,
        url: sink.url,
        eventTypes: ['contact.tag_added'],
        retryPolicy: failing ? { maxAttempts: 4, initialIntervalMs: 200, backoffCoefficient: 2, jitter: 0.2 } : {},
      });
    }
    const env = loadEnv({ NODE_ENV: 'production', LOG_LEVEL: 'warn' });
    const deps = { pool, temporal: new Client({ connection }), logger: createLogger('warn'), env };
    const usage = watchProcess(stack.pid);

    const emittedAt = new Map<string, number>();
    const started = performance.now();
    await emitSteadily(EVENTS, RATE, async () => {
      const contact = { id: randomUUID(), phone: '+14155550100', name: 'Bench' };
      const at = performance.now();
      await emitEvent(deps, tenantId, 'contact.tag_added', { contact, tag: `t-${at.toFixed(3)}` });
      emittedAt.set(contact.id, at);
    });
    const emitSeconds = (performance.now() - started) / 1000;
    await waitUntilDone(sinks.slice(0, -1), pool, tenantId, EVENTS);
    const doneSeconds = (performance.now() - started) / 1000;
    const { cpuPercent, peakRssMiB } = usage.stop();
    await report({ sinks, pool, tenantId, emittedAt, emitSeconds, doneSeconds, cpuPercent, peakRssMiB });
  } finally {
    await pool.end();
    await connection.close();
    sinks.forEach((sink) => sink.close());
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Calls `emit` `count` times at `rate` a second, not waiting for one to start the next. */
async function emitSteadily(count: number, rate: number, emit: () => Promise<void>): Promise<void> {
  const pending: Array<Promise<void>> = [];
  const start = performance.now();
  for (let i = 0; i < count; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    pending.push(emit());
  }
  await Promise.all(pending);
}

async function startSink(failing: boolean): Promise<Sink> {
  const sink: Sink = { url: '', firstSeen: new Map(), duplicates: 0, requests: 0, close: () => undefined };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      sink.requests += 1;
      const eventId = String(req.headers['parley-event-id']);
      if (failing && Math.random() < 0.5) {
        res.writeHead(500).end('flaky');
        return;
      }
      if (sink.firstSeen.has(eventId)) {
        sink.duplicates += 1;
      } else {
        sink.firstSeen.set(eventId, performance.now());
      }
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  sink.close = () => {
    server.closeAllConnections();
    server.close();
  };
  return sink;
}

async function waitUntilDone(healthy: Sink[], pool: pg.Pool, tenantId: string, events: number): Promise<void> {
  let last = -1;
  let lastChange = performance.now();
  for (;;) {
    const { rows } = await pool.query<{ open: string }>(
      `SELECT count(*) AS open FROM "WebhookDelivery" WHERE "tenantId" = $1 AND status IN ('pending', 'delivering')`,
      [tenantId],
    );
    const seen = healthy.reduce((sum, sink) => sum + sink.firstSeen.size, 0);
    if (seen >= healthy.length * events && Number(rows[0]!.open) === 0) {
      return;
    }
    const progress = seen * 1_000_000 + Number(rows[0]!.open);
    if (progress !== last) {
      last = progress;
      lastChange = performance.now();
    } else if (performance.now() - lastChange > STALL_MS) {
      console.log(`stalled: ${seen} of ${healthy.length * events} first deliveries, ${rows[0]!.open} open`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

type ReportInput = {
  sinks: Sink[];
  pool: pg.Pool;
  tenantId: string;
  emittedAt: Map<string, number>;
  emitSeconds: number;
  doneSeconds: number;
  cpuPercent: number;
  peakRssMiB: number;
};

async function report(input: ReportInput): Promise<void> {
  const { rows: events } = await input.pool.query<{ id: string; contactId: string }>(
    `SELECT id, payload->'contact'->>'id' AS "contactId" FROM "TenantEvent" WHERE "tenantId" = $1`,
    [input.tenantId],
  );
  const emittedAtByEvent = new Map(events.map((e) => [e.id, input.emittedAt.get(e.contactId)!]));
  const latencies: number[] = [];
  for (const sink of input.sinks.slice(0, -1)) {
    for (const [eventId, at] of sink.firstSeen) {
      latencies.push(at - emittedAtByEvent.get(eventId)!);
    }
  }
  const { rows: statuses } = await input.pool.query<{ status: string; count: string }>(
    `SELECT status, count(*) AS count FROM "WebhookDelivery" WHERE "tenantId" = $1 GROUP BY status`,
    [input.tenantId],
  );
  const healthy = input.sinks.slice(0, -1);
  const flaky = input.sinks.at(-1)!;
  const missing = healthy.map((sink) => events.filter((e) => !sink.firstSeen.has(e.id)).length);
  const delivered = statuses.find((s) => s.status === 'succeeded')?.count ?? '0';
  console.log(`| Events emitted                 | ${events.length} at ${RATE}/s (${input.emitSeconds.toFixed(1)} s)`);
  console.log(
    `| Event → first attempt (healthy) | p50 ${quantile(latencies, 0.5)} ms, p95 ${quantile(latencies, 0.95)} ms, max ${quantile(latencies, 1)} ms`,
  );
  console.log(
    `| Deliveries succeeded           | ${delivered} in ${input.doneSeconds.toFixed(1)} s: ${(Number(delivered) / input.doneSeconds).toFixed(1)}/s`,
  );
  console.log(`| Deliveries by status           | ${statuses.map((s) => `${s.status} ${s.count}`).join(', ')}`);
  console.log(
    `| Healthy subscribers: missing   | ${missing.join(', ')}; duplicates ${healthy.map((s) => s.duplicates).join(', ')}`,
  );
  console.log(
    `| Flaky subscriber               | ${flaky.firstSeen.size} events received, ${flaky.requests} requests, ${flaky.duplicates} duplicates`,
  );
  console.log(`| Parley process                 | ${input.cpuPercent}% of a core, peak ${input.peakRssMiB} MiB`);
}
