// `npm run bench:flows`: concurrent customers walk the 10-node bike-shop flow
// (tests/fixtures/flows/bike-shop-10-nodes.json) on `npm start`'s stack. Each customer says "hi",
// taps "Book a repair", types a wrong e-mail, then a right one; the flow looks the repair up over
// HTTP and answers. Customers arrive over RAMP_SECONDS and take 5–20 s to read and answer each
// message (tapping a button is quick, typing an e-mail address on a phone is not), so all the
// sessions are open at once, as in a busy hour. BENCH_THINK_MIN_MS/MAX_MS and BENCH_RAMP_SECONDS
// make it a burst instead (docs/benchmarks.md has both). Reports,
// per step, the latency from the customer's message leaving the phone to the bot's next message
// reaching it, sessions completed per second, and stuck sessions.
//
// The simulator runs in this process (its events time the replies) with no artificial latency and
// Meta's highest standard throughput tier (1,000 messages/s per number), so the figures measure
// Parley, not the simulated network.
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startMetaSimulator } from '#simulator/start-meta-simulator';
import { cpuDifference, formatCpu, treeCpuSeconds } from './process-usage.ts';
import { quantile } from './quantile.ts';
import { startStack } from './start-stack.ts';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 500);
/** Customers arrive spread over this many seconds, then take THINK_MS to read and answer each message. */
const RAMP_SECONDS = Number(process.env.BENCH_RAMP_SECONDS ?? 40);
const THINK_MS = {
  min: Number(process.env.BENCH_THINK_MIN_MS ?? 5000),
  max: Number(process.env.BENCH_THINK_MAX_MS ?? 20_000),
};
const STEP_TIMEOUT_MS = 60_000;
const FIXTURE = path.resolve(import.meta.dirname, '..', 'fixtures', 'flows', 'bike-shop-10-nodes.json');

/** What the customer does, and which node's message answers it. */
const STEPS = [
  { label: 'hi → greeting (start, send_text)', answeredBy: 'greet' },
  { label: 'tap "Book a repair" → e-mail question (buttons, ask_question)', answeredBy: 'ask_email' },
  { label: 'wrong e-mail → retry prompt (ask_question validation)', answeredBy: 'ask_email retry' },
  { label: 'e-mail → "bike is ready" (http_request, condition, send_text)', answeredBy: 'ready_msg' },
] as const;

export async function benchFlows(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-flows-'));
  chmodSync(dataDir, 0o755);
  const repairsApi = await startRepairsApi();
  const sandbox = await startMetaSimulator({ latencyMs: { min: 0, max: 0 }, throughputPerSecond: 1000 });
  const stack = await startStack(dataDir, { SANDBOX_URL: sandbox.url });
  try {
    const base = `http://127.0.0.1:${stack.port}`;
    const { token, phoneNumberId } = await signUp(base);
    await publishBikeShopFlow(base, token, repairsApi.url);
    const replies = watchReplies(sandbox.simulator);
    const customers = Array.from({ length: SESSIONS }, (_, i) =>
      sandbox.simulator.customers.add(phoneNumberId, { name: `Rider ${i}`, waId: String(4470000000 + i) }),
    );
    const latencies: number[][] = STEPS.map(() => []);
    const open = { now: 0, max: 0 };
    const cpuBefore = treeCpuSeconds(stack.pid);
    const benchCpuBefore = process.cpuUsage();
    const started = performance.now();
    const outcomes = await Promise.all(
      customers.map(async (customer, i) => {
        await sleep((i * RAMP_SECONDS * 1000) / SESSIONS);
        open.now++;
        open.max = Math.max(open.max, open.now);
        const outcome = await walk(sandbox.simulator, replies, phoneNumberId, customer.waId, latencies);
        open.now--;
        return outcome;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuDifference(cpuBefore, treeCpuSeconds(stack.pid));
    const benchCpu = process.cpuUsage(benchCpuBefore);
    cpu.set('this benchmark (customers, simulator)', (benchCpu.user + benchCpu.system) / 1e6);
    const completed = outcomes.filter((o) => o === 'completed').length;
    console.log(
      `${SESSIONS} sessions of the 10-node flow arriving over ${RAMP_SECONDS} s, ${STEPS.length} customer messages each, ${THINK_MS.min / 1000}–${THINK_MS.max / 1000} s think time; at most ${open.max} open at once`,
    );
    STEPS.forEach((step, i) => {
      const l = latencies[i]!;
      console.log(
        `  ${step.label}: p50 ${quantile(l, 0.5)} ms, p95 ${quantile(l, 0.95)} ms, p99 ${quantile(l, 0.99)} ms (n=${l.length})`,
      );
    });
    const all = latencies.flat();
    console.log(
      `  every step: p50 ${quantile(all, 0.5)} ms, p95 ${quantile(all, 0.95)} ms, p99 ${quantile(all, 0.99)} ms`,
    );
    console.log(
      `sessions completed: ${completed} of ${SESSIONS} in ${seconds.toFixed(1)} s = ${(completed / seconds).toFixed(1)}/s`,
    );
    console.log(`stuck (no answer within ${STEP_TIMEOUT_MS / 1000} s): ${SESSIONS - completed}`);
    // Steadier than the latency tail, which swings from run to run near the machine's capacity.
    const cpuTotal = [...cpu.values()].reduce((sum, s) => sum + s, 0);
    const perSessionMs = ((cpuTotal / SESSIONS) * 1000).toFixed(0);
    console.log(
      `CPU while the customers talked: ${cpuTotal.toFixed(1)} s over ${seconds.toFixed(1)} s, ${perSessionMs} ms per session: ${formatCpu(cpu)}`,
    );
    await sleep(2000); // the last step's bookkeeping lands just after the last reply
    console.log(`session rows by status: ${JSON.stringify(await sessionStatuses(stack.databaseUrl))}`);
    await printFirstStepStages(stack.databaseUrl);
  } finally {
    await stack.stop();
    await sandbox.stop();
    repairsApi.server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Simulator = Awaited<ReturnType<typeof startMetaSimulator>>['simulator'];
type Replies = ReturnType<typeof watchReplies>;

/** Waiters for the next business message to each customer, resolved by the simulator's events. */
function watchReplies(simulator: Simulator) {
  const waiting = new Map<string, (reply: { id: string; at: number; content: Record<string, any> }) => void>();
  const queued = new Map<string, Array<{ id: string; at: number; content: Record<string, any> }>>();
  simulator.onEvent((event) => {
    if (event.type !== 'message-to-customer') {
      return;
    }
    const reply = {
      id: event.message.id,
      at: performance.now(),
      content: event.message.content as Record<string, any>,
    };
    const waiter = waiting.get(event.waId);
    if (waiter) {
      waiting.delete(event.waId);
      waiter(reply);
    } else {
      queued.set(event.waId, [...(queued.get(event.waId) ?? []), reply]);
    }
  });
  return {
    next(waId: string): Promise<{ id: string; at: number; content: Record<string, any> } | null> {
      const early = queued.get(waId)?.shift();
      if (early) {
        return Promise.resolve(early);
      }
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(waId);
          resolve(null);
        }, STEP_TIMEOUT_MS);
        waiting.set(waId, (reply) => {
          clearTimeout(timer);
          resolve(reply);
        });
      });
    },
  };
}

async function walk(
  simulator: Simulator,
  replies: Replies,
  phoneNumberId: string,
  waId: string,
  latencies: number[][],
) {
  const say = async (step: number, message: Parameters<Simulator['customers']['send']>[2]) => {
    if (step > 0) {
      await sleep(THINK_MS.min + Math.random() * (THINK_MS.max - THINK_MS.min));
    }
    const sentAt = performance.now();
    await simulator.customers.send(phoneNumberId, waId, message);
    const reply = await replies.next(waId);
    if (reply) {
      latencies[step]!.push(Math.round(reply.at - sentAt));
    }
    return reply;
  };
  if (!(await say(0, { type: 'text', text: { body: 'hi' } }))) {
    return 'stuck';
  }
  const menu = await replies.next(waId); // the buttons follow the greeting
  if (!menu) {
    return 'stuck';
  }
  const steps = [
    () => say(1, { type: 'interactive', interactive: { id: 'repair' }, replyTo: menu.id }),
    () => say(2, { type: 'text', text: { body: 'not an address' } }),
    () => say(3, { type: 'text', text: { body: `rider-${waId}@example.com` } }),
  ];
  for (const step of steps) {
    if (!(await step())) {
      return 'stuck';
    }
  }
  return 'completed';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function signUp(base: string) {
  const session = await api(base, null, 'POST', '/api/auth/signup', {
    name: 'Bench',
    email: `bench-${Date.now()}@example.com`,
    password: 'bench password 123',
    workspaceName: 'Spoke & Chain',
  });
  const channels = await api(base, session.accessToken, 'GET', '/api/channels');
  const sandbox = channels.items.find((c: { kind: string }) => c.kind === 'sandbox');
  return { token: session.accessToken as string, phoneNumberId: sandbox.phoneNumberId as string };
}

async function publishBikeShopFlow(base: string, token: string, repairsApiUrl: string) {
  const document = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  document.variables = [{ name: 'api_base', defaultValue: repairsApiUrl }];
  const flow = await api(base, token, 'POST', '/api/flows/import', { document });
  await api(base, token, 'POST', `/api/flows/${flow.id}/publish`, {}); // publishing switches it on
}

async function api(base: string, token: string | null, method: string, route: string, body?: unknown) {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as Record<string, any>;
  if (!response.ok) {
    throw new Error(`${method} ${route} answered ${response.status}: ${JSON.stringify(json)}`);
  }
  return json;
}

/** The workshop's repair-status API the flow's HTTP node calls. */
async function startRepairsApi() {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ready', ready_date: '21 November' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * Where a session start's time goes, from the database's clocks: the customer's first message
 * stored, the session's row opened by routing, the workflow's first step entered (its first
 * workflow task), the greeting queued.
 */
async function printFirstStepStages(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, number>>(FIRST_STEP_STAGES_SQL);
    console.log('session starts, stage by stage (p50 / p95 / p99 ms):');
    for (const stage of ['routed', 'first_task', 'queued'] as const) {
      const values = rows.map((r) => Number(r[stage])).filter((v) => Number.isFinite(v));
      console.log(
        `  ${FIRST_STEP_STAGE_LABELS[stage]}: ${quantile(values, 0.5)} / ${quantile(values, 0.95)} / ${quantile(values, 0.99)}`,
      );
    }
  } finally {
    await client.end();
  }
}

const FIRST_STEP_STAGE_LABELS = {
  routed: 'message stored → session row opened (routing)',
  first_task: 'row opened → first step entered (workflow start and first task)',
  queued: 'first step entered → greeting queued',
};

const FIRST_STEP_STAGES_SQL = `
  SELECT extract(epoch FROM s."startedAt" - hi.at) * 1000 AS routed,
         extract(epoch FROM step.at - s."startedAt") * 1000 AS first_task,
         extract(epoch FROM reply."createdAt" - step.at) * 1000 AS queued
  FROM "FlowSession" s
  CROSS JOIN LATERAL (SELECT min(m."createdAt") AS at FROM "Message" m
                      WHERE m."contactId" = s."contactId" AND m.direction = 'inbound') hi
  CROSS JOIN LATERAL (SELECT min(e."enteredAt") AS at FROM "FlowStepEvent" e WHERE e."sessionId" = s.id) step
  CROSS JOIN LATERAL (SELECT m."createdAt" FROM "Message" m
                      WHERE m."contactId" = s."contactId" AND m.direction = 'outbound'
                      ORDER BY m."createdAt" LIMIT 1) reply`;

async function sessionStatuses(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT status, count(*)::int AS n FROM "FlowSession" GROUP BY status');
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    await client.end();
  }
}
