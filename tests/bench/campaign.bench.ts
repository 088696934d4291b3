// `npm run bench:campaign`: one campaign to a large audience on `npm start`'s stack, against the
// simulator with the number's throughput set to the limit under test (1,000 messages/s, Meta's
// highest tier, then 80, the default). Reports the achieved rate, the most messages WhatsApp
// accepted in any 1-second window (it must never exceed the limit), time to completion,
// duplicates (must be 0), and the Parley process's CPU and memory.
//
// The simulator runs on its own thread of this process (simulator-thread.ts) without artificial
// latency; it counts a message when its Graph API accepts it (a 130429 refusal is not a send).
// Contacts are inserted with SQL (opted in), the campaign is created and launched through the REST
// API as the web app does.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { call } from './bench-api.ts';
import { cpuDifference, formatCpu, treeCpuSeconds, watchProcess } from './process-usage.ts';
import { epochNow, startSimulatorThread } from './simulator-thread.ts';
import { startStack } from './start-stack.ts';

const RUNS = (process.env.BENCH_CAMPAIGN_RUNS ?? '1000:100000,80:10000').split(',').map((run) => {
  const [rate, recipients] = run.split(':').map(Number);
  return { rate: rate!, recipients: recipients! };
});
const STATUS_BATCH_MS = Number(process.env.BENCH_STATUS_BATCH_MS ?? 50);
/** No accepted message for this long means the campaign is stuck. */
const STALL_MS = 120_000;

export async function benchCampaign(): Promise<void> {
  for (const run of RUNS) {
    await benchOne(run.rate, run.recipients);
  }
}

async function benchOne(rate: number, recipients: number): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-campaign-'));
  chmodSync(dataDir, 0o755);
  // Statuses of 50 ms go out as one webhook (Meta's payload allows several): otherwise 1,000
  // sends/s bring 2,000 webhook POSTs/s that the simulator and Parley share these 2 cores for.
  const accepted: number[] = [];
  const perCustomer = new Map<string, number>();
  const sandbox = await startSimulatorThread(
    { latencyMs: { min: 0, max: 0 }, throughputPerSecond: rate, statusBatchMs: STATUS_BATCH_MS },
    ({ waId, at }) => {
      accepted.push(at);
      perCustomer.set(waId, (perCustomer.get(waId) ?? 0) + 1);
    },
  );
  const stack = await startStack(dataDir, { SANDBOX_URL: sandbox.url }, { apiOnly: true });
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    const base = `http://127.0.0.1:${stack.port}`;
    const { token, channelId } = await signUp(base);
    const tenantId = await seedAudience(db, channelId, recipients, rate);
    const templateId = await helloWorldTemplate(base, token);

    const campaign = await call(base, 'POST', '/api/campaigns', token, {
      name: `Bench ${rate}/s`,
      channelId,
      audience: { allContacts: true },
      variants: [{ label: 'A', weight: 100, message: { kind: 'template', templateId, bodyVariables: [] } }],
    });
    const usage = watchProcess(stack.pid);
    const cpuBefore = treeCpuSeconds(stack.pid);
    const benchCpuBefore = process.cpuUsage();
    const launchedAt = epochNow();
    await call(base, 'POST', `/api/campaigns/${campaign.id as string}/launch`, token, {});
    await waitForCompletion(base, token, campaign.id as string, accepted, recipients);
    const completedAt = epochNow();
    const { cpuPercent, peakRssMiB } = usage.stop();
    const cpu = cpuDifference(cpuBefore, treeCpuSeconds(stack.pid));
    const benchCpu = process.cpuUsage(benchCpuBefore);
    cpu.set('this benchmark (simulator, counting)', (benchCpu.user + benchCpu.system) / 1e6);

    const first = accepted[0] ?? launchedAt;
    const last = accepted.at(-1) ?? launchedAt;
    const sendingSeconds = (last - first) / 1000;
    const achieved = accepted.length / Math.max(sendingSeconds, 0.001);
    const duplicates = [...perCustomer.values()].reduce((sum, n) => sum + (n - 1), 0);
    console.log(`${recipients.toLocaleString('en')} recipients at a limit of ${rate} messages/s:`);
    console.log(
      `  accepted by WhatsApp: ${accepted.length.toLocaleString('en')} of ${recipients.toLocaleString('en')}`,
    );
    console.log(
      `  achieved: ${achieved.toFixed(1)} messages/s (${((achieved / rate) * 100).toFixed(1)}% of the limit) over ${sendingSeconds.toFixed(1)} s of sending`,
    );
    console.log(`  most in any 1-second window: ${maxInAnyWindow(accepted, 1000)} (limit ${rate})`);
    console.log(`  accepted per 10 s from the first: ${perWindow(accepted, 10_000).join(', ')}`);
    console.log(
      `  launch to first send: ${((first - launchedAt) / 1000).toFixed(1)} s; launch to completed: ${((completedAt - launchedAt) / 1000).toFixed(1)} s`,
    );
    console.log(`  duplicates: ${duplicates}`);
    console.log(
      `  Parley process (API + worker): CPU ${cpuPercent}% of one core on average, peak RSS ${peakRssMiB} MiB`,
    );
    const cpuTotal = [...cpu.values()].reduce((sum, s) => sum + s, 0);
    console.log(
      `  CPU from launch to completed: ${cpuTotal.toFixed(1)} s, ${((cpuTotal / recipients) * 1000).toFixed(2)} ms per message: ${formatCpu(cpu)}`,
    );
    console.log(`  recipients by status: ${JSON.stringify(await recipientStatuses(db, tenantId))}`);
  } finally {
    await db.end();
    await stack.stop();
    await sandbox.stop();
    if (process.env.BENCH_KEEP_DATA) {
      console.log(`  data and logs kept in ${dataDir}`);
    } else {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

async function signUp(base: string) {
  const session = await call(base, 'POST', '/api/auth/signup', undefined, {
    name: 'Bench',
    email: `bench-${Date.now()}@example.com`,
    password: 'bench password 123',
    workspaceName: 'Broadcast Bench',
  });
  const token = session.accessToken as string;
  const channels = (await call(base, 'GET', '/api/channels', token)) as { items: Array<{ id: string; kind: string }> };
  return { token, channelId: channels.items.find((c) => c.kind === 'sandbox')!.id };
}

/**
 * Opted-in contacts, and the number's limits as Meta would report them: its throughput and, at
 * 1,000 messages/s, an unlimited messaging limit, which Meta requires before it raises a number
 * to that throughput (contract §12). At 80/s the tier stays unknown: counted, not enforced.
 */
async function seedAudience(db: pg.Client, channelId: string, recipients: number, rate: number): Promise<string> {
  const { rows } = await db.query<{ tenantId: string }>(
    `UPDATE "Channel" SET "messagesPerSecond" = $2,
       "messagingLimitTier" = CASE WHEN $2 >= 1000 THEN 'TIER_UNLIMITED' ELSE "messagingLimitTier" END
     WHERE id = $1 RETURNING "tenantId"`,
    [channelId, rate],
  );
  const tenantId = rows[0]!.tenantId;
  await db.query(
    `INSERT INTO "Contact" (id, "tenantId", "waId", phone, name, "optInStatus", "optInSource", "optInAt", "updatedAt")
     SELECT gen_random_uuid(), $1, (447700000000 + g)::text, '+' || (447700000000 + g)::text, 'Customer ' || g,
            'opted_in', 'import', now(), now()
     FROM generate_series(1, $2::int) g`,
    [tenantId, recipients],
  );
  return tenantId;
}

/** The sample template every number starts with, approved, brought in by a template sync. */
async function helloWorldTemplate(base: string, token: string): Promise<string> {
  await call(base, 'POST', '/api/templates/sync', token, {});
  const templates = (await call(base, 'GET', '/api/templates', token)) as {
    items: Array<{ id: string; name: string; status: string }>;
  };
  const hello = templates.items.find((t) => t.name === 'hello_world' && t.status === 'approved');
  if (!hello) {
    throw new Error(`hello_world is not an approved template after a sync: ${JSON.stringify(templates.items)}`);
  }
  return hello.id;
}

async function waitForCompletion(base: string, token: string, campaignId: string, accepted: number[], total: number) {
  let lastCount = -1;
  let lastProgressAt = performance.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const campaign = await call(base, 'GET', `/api/campaigns/${campaignId}`, token);
    if (['completed', 'failed', 'cancelled'].includes(campaign.status as string)) {
      if (campaign.status !== 'completed') {
        throw new Error(`The campaign ended ${campaign.status as string}: ${String(campaign.failureReason)}`);
      }
      return;
    }
    if (accepted.length !== lastCount) {
      lastCount = accepted.length;
      lastProgressAt = performance.now();
    } else if (performance.now() - lastProgressAt > STALL_MS) {
      throw new Error(`Stalled at ${accepted.length} of ${total} accepted`);
    }
  }
}

/** The largest number of events in any window of `windowMs` (events sorted by time). */
function maxInAnyWindow(times: number[], windowMs: number): number {
  let max = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowMs) {
      start++;
    }
    max = Math.max(max, end - start + 1);
  }
  return max;
}

/** How many events fell in each consecutive window of `windowMs` from the first (events sorted). */
function perWindow(times: number[], windowMs: number): number[] {
  const counts: number[] = [];
  for (const time of times) {
    const i = Math.floor((time - times[0]!) / windowMs);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return Array.from(counts, (n) => n ?? 0);
}

async function recipientStatuses(db: pg.Client, tenantId: string) {
  const { rows } = await db.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM "CampaignRecipient" WHERE "tenantId" = $1 GROUP BY status`,
    [tenantId],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
