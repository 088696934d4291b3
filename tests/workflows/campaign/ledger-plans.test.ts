// A campaign's batches cost the same at the end of a large run as at its start: claiming and
// preparing a batch reads about as many rows as the batch holds. PostgreSQL's statistics lag
// behind a run that just added thousands of recipients, conversations and messages (autovacuum
// analyzes a minute or more later); plans that trusted them scanned the whole run, or the number's
// every conversation, once per recipient, and a 30,000-recipient campaign sent at a quarter of
// its number's rate. Each statement is run under EXPLAIN ANALYZE, in a transaction rolled back, on
// the plan it gets in production (generic when it is a named statement).
import type pg from 'pg';
import { claimRecipients, prepareMessages, type ClaimedRecipient } from '#activities/campaigns/campaign-ledger-sql';
import { seedRun, seedTemplate, seedWorkspace, startSendStack, type SendStack } from './send-page-seed.ts';

const BATCH = 250;
const AUDIENCE = 3_000;

type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] };

let stack: SendStack;

beforeAll(async () => {
  stack = await startSendStack();
}, 120_000);
afterAll(() => stack?.stop(), 60_000);

/** The plan node that reads the most rows (returned or filtered away, over all its loops). */
function busiestNode(node: PlanNode): { rows: number; node: string } {
  const count = (key: string) => Number(node[key] ?? 0);
  const rows =
    (count('Actual Rows') +
      count('Rows Removed by Filter') +
      count('Rows Removed by Join Filter') +
      count('Rows Removed by Index Recheck')) *
    Number(node['Actual Loops'] ?? 1);
  const own = { rows, node: `${String(node['Node Type'])} ${String(node['Relation Name'] ?? node['CTE Name'] ?? '')}` };
  return (node.Plans ?? []).map(busiestNode).reduce((a, b) => (b.rows > a.rows ? b : a), own);
}

/** Runs what `use` queries under EXPLAIN ANALYZE, rolled back; returns each statement's busiest node. */
async function explain(use: (explaining: pg.Pool) => Promise<unknown>): Promise<Array<{ rows: number; node: string }>> {
  const client = await stack.deps.pool.connect();
  const busiest: Array<{ rows: number; node: string }> = [];
  const explaining = {
    async query(config: pg.QueryConfig) {
      // A named statement runs on a generic plan from its sixth run on: that is the plan to explain.
      const mode = config.name ? 'force_generic_plan' : 'force_custom_plan';
      await client.query(`SET LOCAL plan_cache_mode = ${mode}`);
      const { rows } = await client.query({
        text: `EXPLAIN (ANALYZE, FORMAT JSON) ${config.text}`,
        values: config.values,
      });
      busiest.push(busiestNode((rows[0] as { 'QUERY PLAN': Array<{ Plan: PlanNode }> })['QUERY PLAN'][0]!.Plan));
      return { rows: [] };
    },
  } as unknown as pg.Pool;
  try {
    await client.query('BEGIN');
    await use(explaining);
    return busiest;
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

const templateMessage = (recipient: ClaimedRecipient) => ({
  recipientId: recipient.id,
  contactId: recipient.contactId,
  type: 'template',
  content: { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
  text: null,
});

describe('[campaigns] a batch of the sent-ledger', () => {
  it('reads about its own rows only, late in a large run whose statistics are stale', async () => {
    const { pool } = stack.deps;
    const ws = await seedWorkspace(stack);
    const hello = await seedTemplate(stack, ws, 'hello_world', 'Hello World');
    // Statistics taken before the run: they know nothing of its recipients, conversations, messages.
    await pool.query('ANALYZE "CampaignRecipient", "Conversation", "Message", "Contact"');
    const run = await seedRun(stack, ws, {
      message: { kind: 'template', templateId: hello, bodyVariables: [] },
      contacts: AUDIENCE,
    });
    const target = { tenantId: ws.tenantId, runId: run.runId, channelId: ws.channelId, phase: 'main' as const };

    // Two thirds of the run goes out: its conversations and messages now exist.
    let afterId: string | null = null;
    for (let sent = 0; sent < (AUDIENCE * 2) / 3; sent += BATCH) {
      const batch = await claimRecipients(pool, target, BATCH, afterId);
      await prepareMessages(pool, target, batch.map(templateMessage));
      afterId = batch.at(-1)!.id;
    }
    const next = await claimRecipients(pool, target, BATCH, afterId);
    expect(next).toHaveLength(BATCH);

    const [claim] = await explain((explaining) => claimRecipients(explaining, target, BATCH, next.at(-1)!.id));
    const [prepare] = await explain((explaining) => prepareMessages(explaining, target, next.map(templateMessage)));

    // Skipped locked rows and stale index entries cost a little; a scan of the run costs AUDIENCE.
    expect(claim!.rows <= BATCH * 4 ? 'bounded' : claim).toBe('bounded');
    expect(prepare!.rows <= BATCH * 4 ? 'bounded' : prepare).toBe('bounded');
  }, 120_000);
});
