// `npm run bench:contacts` (segments part): the live size of a 3-level condition tree on a
// workspace of BENCH_SEGMENT_CONTACTS contacts (default 100,000), through the HTTP API as the
// builder asks for it (`POST /api/segments/count`), on `npm start`'s stack (embedded PostgreSQL,
// Temporal dev server, one Node process for API + worker) with a fresh data folder.
//
// The contacts are written in one INSERT … SELECT over generate_series as the database owner
// (like a migration, past row-level security): opt-in 60% in / 25% out / 15% unknown, last inbound
// spread over 180 days (10% never), 0-3 tags of 8, custom fields plan (dropdown), score (number),
// city (text) and interests (multi-select), a third of them in one of four groups (one a subgroup).
// Then BENCH_ITERATIONS counts (default 50) after BENCH_WARMUP (default 3), one at a time.
//
// Target (issue "Contacts"): p95 under 500 ms.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { quantile } from '../quantile.ts';
import { startStack } from '../start-stack.ts';
import { call } from '../bench-api.ts';

const CONTACTS = Number(process.env.BENCH_SEGMENT_CONTACTS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const TARGET_MS = 500;

export async function benchSegmentCount(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-segments-'));
  chmodSync(dataDir, 0o755);
  const stack = await startStack(
    dataDir,
    { SEED_DEMO: 'false', RATE_LIMIT_TENANT_PER_MINUTE: '1000000' },
    { apiOnly: true },
  );
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    const base = `http://127.0.0.1:${stack.port}`;
    const owner = await call(base, 'POST', '/api/auth/signup', undefined, {
      name: 'Bench Owner',
      email: `segment-bench-${randomBytes(4).toString('hex')}@example.com`,
      password: 'bench password 123',
      workspaceName: 'Segments bench',
    });
    const token = owner.accessToken as string;
    const tenantId = (owner.tenant as { id: string }).id;
    const seedStarted = performance.now();
    const groups = await seed(db, tenantId);
    console.log(
      `seeded ${CONTACTS.toLocaleString('en')} contacts in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );
    const condition = threeLevelTree(groups.customers);
    const samples: number[] = [];
    let count = 0;
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const started = performance.now();
      const result = await call(base, 'POST', '/api/segments/count', token, { condition });
      if (i >= WARMUP) {
        samples.push(performance.now() - started);
      }
      count = result.count as number;
    }
    const p95 = Number(quantile(samples, 0.95));
    console.log(
      `segment count, 3-level tree (${count.toLocaleString('en')} of ${CONTACTS.toLocaleString('en')} contacts match), ${ITERATIONS} runs after ${WARMUP} warm-up: p50 ${quantile(samples, 0.5)} ms, p95 ${p95.toFixed(1)} ms, max ${quantile(samples, 1)} ms${p95 < TARGET_MS ? '' : `  ← over the ${TARGET_MS} ms target`}`,
    );
  } finally {
    await db.end();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** opted in AND wrote within 30 days AND (a tag OR a plan OR NOT (in Customers and its subgroup AND score < 20)). */
function threeLevelTree(customersGroupId: string) {
  return {
    kind: 'group',
    op: 'and',
    children: [
      { kind: 'field', field: 'optInStatus', op: 'equals', value: 'opted_in' },
      { kind: 'field', field: 'lastInboundAt', op: 'within_last_days', days: 30 },
      {
        kind: 'group',
        op: 'or',
        children: [
          { kind: 'tags', op: 'has_any', values: ['vip', 'newsletter'] },
          { kind: 'custom', key: 'plan', op: 'in_list', values: ['Gold', 'Pro'] },
          {
            kind: 'group',
            op: 'and',
            negate: true,
            children: [
              { kind: 'contact_group', op: 'in', groupIds: [customersGroupId] },
              { kind: 'custom', key: 'score', op: 'lt', value: 20 },
            ],
          },
        ],
      },
    ],
  };
}

async function seed(db: pg.Client, tenantId: string): Promise<{ customers: string }> {
  await db.query(`SET synchronous_commit = off; SET maintenance_work_mem = '256MB'`);
  await db.query(
    `INSERT INTO "CustomField" (id, "tenantId", key, label, type, options, "updatedAt") VALUES
       (gen_random_uuid(), $1, 'plan', 'Plan', 'dropdown', ARRAY['Free','Pro','Gold'], now()),
       (gen_random_uuid(), $1, 'score', 'Score', 'number', ARRAY[]::text[], now()),
       (gen_random_uuid(), $1, 'city', 'City', 'text', ARRAY[]::text[], now()),
       (gen_random_uuid(), $1, 'interests', 'Interests', 'multi_select', ARRAY['shoes','bags','hats'], now())`,
    [tenantId],
  );
  const group = async (name: string, parentId: string | null) =>
    (
      await db.query<{ id: string }>(
        `INSERT INTO "ContactGroup" (id, "tenantId", "parentId", name, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
        [tenantId, parentId, name],
      )
    ).rows[0]!.id;
  const customers = await group('Customers', null);
  const groupIds = [
    customers,
    await group('Wholesale', customers),
    await group('Leads', null),
    await group('Staff', null),
  ];
  await db.query(
    `INSERT INTO "Contact" (id, "tenantId", "waId", phone, name, email, language, "optInStatus", "optInSource", "optInAt",
       tags, fields, "createdAt", "updatedAt", "lastSeenAt", "lastInboundAt", "lastOutboundAt",
       "messagesReceivedCount", "messagesSentCount", "flowsCompletedCount")
     SELECT gen_random_uuid(), $1, (447000000000 + i)::text, '+' || (447000000000 + i)::text, 'Contact ' || i,
       'c' || i || '@example.com', (ARRAY['en','pt_BR','es','de'])[1 + i % 4],
       CASE WHEN r1 < 0.6 THEN 'opted_in' WHEN r1 < 0.85 THEN 'opted_out' ELSE 'unknown' END, 'import', now(),
       (ARRAY(SELECT t FROM unnest(ARRAY['vip','newsletter','wholesale','returning','lead','promo','staff','beta']) t
              WHERE random() < 0.12)),
       jsonb_build_object('plan', (ARRAY['Free','Free','Pro','Gold'])[1 + (i * 7) % 4], 'score', (random() * 100)::int,
         'city', (ARRAY['Lisbon','Porto','Rio','London'])[1 + (i * 3) % 4],
         'interests', to_jsonb(ARRAY(SELECT x FROM unnest(ARRAY['shoes','bags','hats']) x WHERE random() < 0.3))),
       now() - interval '365 days' * random(), now(), now() - interval '180 days' * random(),
       CASE WHEN r2 < 0.1 THEN NULL ELSE now() - interval '180 days' * r2 END, now() - interval '180 days' * random(),
       (random() * 50)::int, (random() * 50)::int, (random() * 3)::int
     FROM (SELECT i, random() AS r1, random() AS r2 FROM generate_series(1, $2::int) AS i) s`,
    [tenantId, CONTACTS],
  );
  await db.query(
    `INSERT INTO "ContactGroupMember" ("tenantId", "groupId", "contactId")
     SELECT $1, ($2::uuid[])[1 + (abs(hashtext(id::text)) % 4)], id FROM "Contact"
     WHERE "tenantId" = $1 AND random() < 0.33`,
    [tenantId, groupIds],
  );
  await db.query(`ANALYZE "Contact"; ANALYZE "ContactGroupMember"; ANALYZE "ContactGroup"`);
  return { customers };
}
