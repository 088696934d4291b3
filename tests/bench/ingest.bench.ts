// `npm run bench:ingest`: signed WhatsApp webhooks offered at a fixed rate (default 1,000
// messages/s for 60 s) to `npm start`'s stack, open loop (sends follow the clock, not the
// answers). Reports accepted/s, acknowledgement latency, and what was stored: losses (acknowledged
// but not stored) and duplicates (stored twice) must both be zero. 1% of the webhooks are
// deliberate redeliveries, as Meta does.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'undici';
import pg from 'pg';
import { escapeNonAscii, signatureFor } from '#api/whatsapp/signature';
import { quantile } from './quantile.ts';
import { messagesWebhook, unixNow } from '../support/whatsapp-webhook.ts';
import { startStack } from './start-stack.ts';

const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
/** Offered first at the same rate and left out of the latency figures (JIT, caches, start-up work). */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const DUPLICATE_SHARE = 0.01;
const CONTACTS = 5000;

export async function benchIngest(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-ingest-'));
  chmodSync(dataDir, 0o755);
  const stack = await startStack(dataDir);
  const port = stack.port;
  try {
    const base = `http://127.0.0.1:${port}`;
    const { channelId, phoneNumberId, appSecret, tenantId } = await setUpChannel(base);
    const result = await offerLoad(base, channelId, phoneNumberId, appSecret);
    const stored = await countStored(stack.databaseUrl, tenantId, result.sentIds, result.acknowledgedIds);
    const accepted = result.statuses.get(200) ?? 0;
    console.log(
      `offered: ${result.offered} webhooks in ${WARMUP_SECONDS} s warm-up + ${SECONDS} s (${RATE}/s target, ${result.duplicatesOffered} deliberate redeliveries)`,
    );
    console.log(
      `accepted (200): ${accepted} = ${(accepted / result.elapsedSeconds).toFixed(0)}/s; other answers: ${JSON.stringify(Object.fromEntries([...result.statuses].filter(([s]) => s !== 200)))}`,
    );
    console.log(
      `acknowledgement latency: p50 ${quantile(result.latencies, 0.5)} ms, p99 ${quantile(result.latencies, 0.99)} ms, max ${quantile(result.latencies, 1)} ms`,
    );
    console.log(
      `stored: ${stored.rows} rows for ${result.sentIds.size} distinct messages; lost: ${result.acknowledgedIds.size - stored.acknowledgedStored}; duplicated: ${stored.rows - stored.distinct}`,
    );
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function setUpChannel(base: string) {
  const json = async (response: Response) => (await response.json()) as Record<string, any>;
  const signUp = await json(
    await fetch(`${base}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Bench',
        email: `bench-${Date.now()}@example.com`,
        password: 'bench password 123',
        workspaceName: 'Bench',
      }),
    }),
  );
  const appSecret = randomBytes(16).toString('hex');
  const phoneNumberId = `1${Date.now()}`;
  const channel = await json(
    await fetch(`${base}/api/channels`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${signUp.accessToken}` },
      body: JSON.stringify({
        name: 'Bench line',
        wabaId: '123456789012',
        phoneNumberId,
        accessToken: 'EAAGbenchtoken',
        appSecret,
      }),
    }),
  );
  return { channelId: channel.id as string, phoneNumberId, appSecret, tenantId: signUp.tenant.id as string };
}

async function offerLoad(base: string, channelId: string, phoneNumberId: string, appSecret: string) {
  const pool = new Pool(base, { connections: 128, pipelining: 1 });
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const sentIds = new Set<string>();
  const sentList: string[] = [];
  const acknowledgedIds = new Set<string>();
  const inFlight: Promise<void>[] = [];
  let duplicatesOffered = 0;
  const started = performance.now();
  const warmup = RATE * WARMUP_SECONDS;
  const total = warmup + RATE * SECONDS;
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const redeliver = i > 0 && Math.random() < DUPLICATE_SHARE;
    const id = redeliver
      ? sentList[Math.floor(Math.random() * sentList.length)]!
      : `wamid.bench${i}.${randomBytes(6).toString('hex')}`;
    duplicatesOffered += redeliver ? 1 : 0;
    if (!redeliver) {
      sentIds.add(id);
      sentList.push(id);
    }
    const body = escapeNonAscii(JSON.stringify(webhook(phoneNumberId, id, i)));
    inFlight.push(
      pool
        .request({
          path: `/webhooks/whatsapp/${channelId}`,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureFor(body, appSecret) },
          body,
        })
        .then(async (response) => {
          await response.body.dump();
          if (i >= warmup) {
            latencies.push(performance.now() - due);
          }
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          if (response.statusCode === 200) {
            acknowledgedIds.add(id);
          }
        })
        .catch(() => {
          statuses.set(-1, (statuses.get(-1) ?? 0) + 1);
        }),
    );
  }
  await Promise.all(inFlight);
  const elapsedSeconds = (performance.now() - started) / 1000;
  await pool.close();
  return { offered: total, statuses, latencies, sentIds, acknowledgedIds, duplicatesOffered, elapsedSeconds };
}

function webhook(phoneNumberId: string, id: string, i: number) {
  const from = String(15550000000 + (i % CONTACTS));
  return messagesWebhook(phoneNumberId, {
    contacts: [{ wa_id: from, profile: { name: `Customer ${i % CONTACTS}` } }],
    messages: [{ from, id, timestamp: unixNow(), type: 'text', text: { body: `Message number ${i}, ça va? 👋` } }],
  });
}

async function countStored(databaseUrl: string, tenantId: string, sentIds: Set<string>, acknowledgedIds: Set<string>) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const count = async (ids: Set<string>) =>
    (
      await client.query<{ rows: string; distinct: string }>(
        `SELECT count(*) AS rows, count(DISTINCT "providerMessageId") AS distinct FROM "Message" WHERE "tenantId" = $1 AND "providerMessageId" = ANY($2)`,
        [tenantId, [...ids]],
      )
    ).rows[0]!;
  const all = await count(sentIds);
  const acknowledged = await count(acknowledgedIds);
  await client.end();
  return { rows: Number(all.rows), distinct: Number(all.distinct), acknowledgedStored: Number(acknowledged.distinct) };
}
