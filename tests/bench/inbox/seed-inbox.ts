// Fills one workspace with a busy inbox in a few set-based statements (INSERT … SELECT over
// generate_series), since a million rows one by one would take longer than the benchmark itself.
// It writes as the database owner, past row-level security, the way a migration would; the
// generated search columns of Contact and Message fill themselves.
//
// Shape of the data, chosen to look like a real inbox rather than a uniform grid:
// - every conversation has its own contact (named, or known only by WhatsApp profile name or
//   number), on one of the channels (70% / 22% / 8%);
// - last activity spread over 180 days, most of it recent; messages per conversation follow a
//   heavy tail (Pareto, alpha 1.5: half have 5 or fewer, a few have thousands), the exact total
//   kept;
// - status: 35% open, 10% pending, 5% snoozed (some already due), 50% resolved; priorities mostly
//   none; 45% unassigned, the rest spread over the agents; teams on some;
// - a customer waiting (last messages inbound, unread, waitingSince set) on most open and pending
//   conversations, as ingestion leaves them;
// - tags on about 40% of conversations (vocabulary.ts TAGS), message text as vocabulary.ts says.
import pg from 'pg';
import { COMMON_WORDS, FIRST_NAMES, LAST_NAMES, RARE_WORDS, TAGS } from './vocabulary.ts';

export type SeedInput = {
  /** Where the connections that insert messages side by side connect. */
  databaseUrl: string;
  /** How many connections insert messages at once (each takes a share of the conversations). */
  workers: number;
  tenantId: string;
  channelIds: string[];
  /** Members conversations get assigned to; the first is the benchmark's signed-in agent. */
  agentUserIds: string[];
  conversations: number;
  messages: number;
};

export type SeedResult = { steps: Array<{ step: string; ms: number }>; totalMs: number; tagIds: Map<string, string> };

export async function seedInbox(db: pg.Client, input: SeedInput): Promise<SeedResult> {
  if (input.messages < input.conversations) {
    throw new Error('every conversation needs a message: BENCH_MESSAGES must be at least BENCH_CONVERSATIONS');
  }
  const steps: SeedResult['steps'] = [];
  const started = performance.now();
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const at = performance.now();
    const result = await db.query(sql, params);
    steps.push({ step: name, ms: performance.now() - at });
    return result;
  };
  const t = input.tenantId;
  // Bulk-load settings for these sessions only: index builds get memory, and commits need not wait
  // for the disk (a crash would lose a seed we would redo anyway).
  const bulkSettings = `SET maintenance_work_mem = '512MB'; SET synchronous_commit = off; SET work_mem = '64MB'`;
  await db.query(bulkSettings);

  const tags = await step(
    'tags and teams',
    `INSERT INTO "Tag" (id, "tenantId", name, color, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, name, color, now(), now() FROM unnest($2::text[], $3::text[]) AS t(name, color)
     RETURNING id, name`,
    [t, TAGS.map((tag) => tag.name), TAGS.map((tag) => tag.color)],
  );
  const tagIds = new Map(tags.rows.map((row: { id: string; name: string }) => [row.name, row.id]));
  const teams = await db.query<{ id: string }>(
    `INSERT INTO "Team" (id, "tenantId", name, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, name, now(), now() FROM unnest(ARRAY['Sales', 'Support', 'Billing']) AS name
     RETURNING id`,
    [t],
  );

  // One row per conversation with everything later statements derive from it. `n` is its
  // message count, `unread` how many of its last messages are the customer's, unanswered. An
  // unlogged table rather than a temporary one: the message inserts' other connections read it.
  await step(
    'plan',
    `CREATE UNLOGGED TABLE bench_conv AS
     SELECT i, gen_random_uuid() AS id, gen_random_uuid() AS contact_id,
       ($2::uuid[])[CASE WHEN r_channel < 0.7 THEN 1 WHEN r_channel < 0.92 THEN 2 ELSE 3 END] AS channel_id,
       last_at, last_at - interval '30 days' * power(random(), 3) - interval '1 minute' AS created_at,
       CASE WHEN r_status < 0.35 THEN 'open' WHEN r_status < 0.45 THEN 'pending'
            WHEN r_status < 0.5 THEN 'snoozed' ELSE 'resolved' END AS status,
       CASE WHEN r_priority < 0.7 THEN 'none' WHEN r_priority < 0.8 THEN 'low' WHEN r_priority < 0.9 THEN 'medium'
            WHEN r_priority < 0.97 THEN 'high' ELSE 'urgent' END AS priority,
       CASE WHEN r_assignee < 0.45 THEN NULL
            ELSE ($3::uuid[])[1 + floor(random() * cardinality($3::uuid[]))::int] END AS assignee,
       power(1 - random(), -1 / 1.5) AS weight, 0 AS n, 0 AS unread
     FROM (SELECT i, random() AS r_channel, random() AS r_status, random() AS r_priority, random() AS r_assignee,
             date_trunc('milliseconds', now() - interval '180 days' * power(random(), 2)) AS last_at
           FROM generate_series(1, $1::int) AS i) AS draws`,
    [input.conversations, input.channelIds.slice(0, 3), input.agentUserIds],
  );
  // Message counts: one each, the rest shared by weight, the rounding remainder to the first few.
  await db.query(
    `UPDATE bench_conv SET n = 1 + floor(($1::bigint - $2::bigint) * weight / s.total)::int
     FROM (SELECT sum(weight) AS total FROM bench_conv) s`,
    [input.messages, input.conversations],
  );
  await db.query(
    `UPDATE bench_conv SET n = n + 1 FROM (SELECT $1::bigint - sum(n) AS missing FROM bench_conv) s WHERE i <= s.missing`,
    [input.messages],
  );
  await db.query(
    `UPDATE bench_conv SET unread = CASE WHEN status IN ('open', 'pending') AND random() < 0.7
       THEN least(n, 1 + floor(random() * 4)::int) ELSE 0 END`,
  );
  await db.query(`CREATE UNIQUE INDEX ON bench_conv (i); ANALYZE bench_conv`);

  await step(
    'contacts',
    `INSERT INTO "Contact" (id, "tenantId", "waId", phone, name, "profileName", "lastSeenAt", tags, "createdAt", "updatedAt")
     SELECT c.contact_id, $1, wa_id, '+' || wa_id,
       CASE WHEN r_name < 0.6 THEN first_name || ' ' || last_name END,
       CASE WHEN r_name < 0.9 THEN first_name END,
       c.last_at, CASE WHEN random() < 0.1 THEN ARRAY['customer'] ELSE ARRAY[]::text[] END, c.created_at, c.last_at
     FROM bench_conv c
     CROSS JOIN LATERAL (SELECT (5511900000000 + c.i * 7919)::text AS wa_id, random() AS r_name,
       ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int] AS first_name,
       ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] AS last_name) AS d`,
    [t, FIRST_NAMES, LAST_NAMES],
  );

  await step(
    'conversations',
    `INSERT INTO "Conversation" (id, "tenantId", "channelId", "contactId", status, priority, "snoozedUntil",
       "lastMessageAt", "lastInboundAt", "waitingSince", "unreadCount", "assigneeUserId", "teamId", "assignedAt",
       "closedAt", "createdAt", "updatedAt")
     SELECT c.id, $1, c.channel_id, c.contact_id, c.status, c.priority,
       CASE WHEN c.status = 'snoozed' THEN now() + interval '3 days' * (random() - 0.2) END,
       c.last_at,
       -- the customer's last message: the very last one when they are waiting, else one before it
       CASE WHEN c.unread > 0 THEN c.last_at ELSE c.last_at - (c.last_at - c.created_at) / c.n END,
       CASE WHEN c.unread > 0 THEN c.created_at + (c.last_at - c.created_at) * ((c.n - c.unread + 1)::float8 / c.n) END,
       c.unread, c.assignee,
       CASE WHEN random() < 0.3 THEN ($2::uuid[])[1 + c.i % 3] END,
       CASE WHEN c.assignee IS NOT NULL THEN c.created_at END,
       CASE WHEN c.status = 'resolved' THEN c.last_at END,
       c.created_at, c.last_at
     FROM bench_conv c`,
    [t, teams.rows.map((row) => row.id)],
  );

  await step(
    'conversation tags',
    `INSERT INTO "ConversationTag" ("tenantId", "conversationId", "tagId", "createdAt")
     SELECT $1, c.id, tag.id, c.created_at
     FROM bench_conv c CROSS JOIN (SELECT id, share FROM "Tag" t JOIN unnest($2::text[], $3::float8[]) AS s(name, share)
       ON s.name = t.name WHERE t."tenantId" = $1) AS tag
     -- (0 * c.i ties the draw to the pair: alone, the planner evaluates it once per tag)
     WHERE random() + 0 * c.i < tag.share`,
    [t, TAGS.map((tag) => tag.name), TAGS.map((tag) => tag.share)],
  );

  // A million rows go in faster without the Message table's secondary indexes (a GIN index above
  // all: each row adds a dozen entries), then each is built in one sorted pass with the same
  // definition, read back from the catalogue so the schema ends up exactly as migrated. Nothing
  // else writes meanwhile (webhooks arrive only later).
  const messageIndexes = (
    await db.query<{ name: string; definition: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i WHERE i.indrelid = '"Message"'::regclass
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    )
  ).rows;
  for (const index of messageIndexes) {
    await db.query(`DROP INDEX ${index.name}`);
  }
  const messagesAt = performance.now();
  await Promise.all(
    Array.from({ length: input.workers }, async (_, worker) => {
      const client = new pg.Client({ connectionString: input.databaseUrl });
      await client.connect();
      try {
        await client.query(bulkSettings);
        await client.query(MESSAGES_SQL, [t, COMMON_WORDS, RARE_WORDS, input.workers, worker]);
      } finally {
        await client.end();
      }
    }),
  );
  steps.push({ step: `messages (${input.workers} connections)`, ms: performance.now() - messagesAt });
  const stored = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Message" WHERE "tenantId" = $1`, [t]);
  if (Number(stored.rows[0]!.n) !== input.messages) {
    throw new Error(`seeded ${stored.rows[0]!.n} messages, not ${input.messages}`);
  }

  const indexesAt = performance.now();
  for (const index of messageIndexes) {
    await db.query(index.definition);
  }
  steps.push({ step: `message indexes (${messageIndexes.length})`, ms: performance.now() - indexesAt });
  await db.query(`DROP TABLE bench_conv`);
  await step('ANALYZE', `ANALYZE "Contact", "Conversation", "ConversationTag", "Message", "Tag"`);
  return { steps, totalMs: performance.now() - started, tagIds };
}

// Message k of n sits at its share of the conversation's span; the last `unread` are the
// customer's, the one before them the business's answer, the rest a mix (bots and agents answer
// about as often as customers write). Text: 2 to 14 words drawn with a Zipf-like law
// (floor(exp(u · ln(W+1))) hits word 1 about 13% of the time and word 200 about 0.1%), and one
// message in 400 gets a rare word. Each of $4 connections inserts the conversations i % $4 = $5.
const MESSAGES_SQL = `
  INSERT INTO "Message" (id, "tenantId", "conversationId", "channelId", "contactId", direction, "providerMessageId",
       type, content, text, status, "providerTimestamp", "sentAt", "deliveredAt", "readAt", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, c.id, c.channel_id, c.contact_id, m.direction::"MessageDirection",
       'wamid.seed.' || c.i || '.' || k, 'text', jsonb_build_object('type', 'text', 'text', jsonb_build_object('body', m.text)),
       m.text, CASE m.direction WHEN 'inbound' THEN 'received' ELSE 'read' END,
       CASE m.direction WHEN 'inbound' THEN m.at END,
       CASE m.direction WHEN 'outbound' THEN m.at END,
       CASE m.direction WHEN 'outbound' THEN m.at + interval '2 seconds' END,
       CASE m.direction WHEN 'outbound' THEN m.at + interval '1 minute' END,
       m.at, m.at
     FROM bench_conv c
     CROSS JOIN LATERAL generate_series(1, c.n) AS k
     CROSS JOIN LATERAL (
       SELECT c.created_at + (c.last_at - c.created_at) * (k::float8 / c.n) AS at,
         CASE WHEN k > c.n - c.unread THEN 'inbound' WHEN k = c.n THEN 'outbound'
              WHEN random() < 0.5 THEN 'inbound' ELSE 'outbound' END AS direction,
         (SELECT string_agg(($2::text[])[floor(exp(random() * ln(cardinality($2::text[]) + 1)))::int], ' ')
            FROM generate_series(1, 2 + (k * 7 + c.i) % 13))
           || CASE WHEN random() < 0.0025
                THEN ' ' || ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] ELSE '' END AS text
     ) AS m
  WHERE c.i % $4 = $5`;
