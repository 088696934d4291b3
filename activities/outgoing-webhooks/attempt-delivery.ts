// One round of attempts of a webhook delivery run (workflows/webhook-delivery): the deliveries due
// together, with their events and subscriptions, are loaded in one statement, each POSTed signed
// (concurrently), and every attempt and delivery state recorded in one statement, so a round costs
// the database the same whether it carries one delivery or a hundred. It never throws for an HTTP
// outcome: the workflow owns the retry schedule (its activity options say no retries).
import { randomUUID } from 'node:crypto';
import { retryPolicySchema, type RetryPolicy } from '#api/outgoing-webhooks/schemas';
import { outboundPolicy } from '#lib/outbound-http';
import {
  backoffMs,
  waitWithRetryAfter,
  type AttemptOutcome,
  type WebhookDeliveryInput,
} from '#workflows/webhook-delivery/messages';
import type { ActivityDeps } from '../deps.ts';
import { buildWebhookRequest, type DeliveryRow, LOAD_DELIVERIES_SQL } from './webhook-request.ts';
import { postWebhook, type PostResult } from './post-webhook.ts';

export type AttemptInput = WebhookDeliveryInput & {
  /** 1-based within this run: picks the wait from the retry policy */
  runAttempt: number;
  /** The workflow's seeded Math.random(), for the jitter */
  random: number;
};

export type AttemptResult = { outcome: AttemptOutcome; nextWaitMs: number | null; policy: RetryPolicy };

/** A made attempt, as recorded: the attempt row and the delivery's new state. */
type MadeAttempt = {
  input: AttemptInput;
  row: DeliveryRow;
  attempt: number;
  headers: Record<string, string>;
  result: PostResult;
  nextWaitMs: number | null;
};

export function createAttemptWebhookDeliveriesActivity(deps: ActivityDeps) {
  return async function attemptWebhookDeliveries(inputs: AttemptInput[]): Promise<AttemptResult[]> {
    const { rows } = await deps.pool.query<DeliveryRow & { id: string }>(LOAD_DELIVERIES_SQL, [
      inputs.map((input) => input.deliveryId),
    ]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const made: MadeAttempt[] = [];
    const disabled: string[] = [];
    const results = await Promise.all(
      inputs.map(async (input): Promise<AttemptResult> => {
        const row = byId.get(input.deliveryId);
        const policy = retryPolicySchema.parse(row?.retryPolicy ?? {});
        const stop = (reason: string): AttemptResult => ({
          outcome: { kind: 'stopped', reason },
          nextWaitMs: null,
          policy,
        });
        if (!row || row.tenantId !== input.tenantId) {
          return stop('the delivery was deleted');
        }
        if (row.replayCount !== input.replayCount || row.status === 'succeeded' || row.status === 'dead') {
          return stop('this run is not the delivery’s current one');
        }
        if (!row.isEnabled) {
          disabled.push(input.deliveryId);
          return stop('the subscription is disabled');
        }
        const attempt = row.attemptCount + 1;
        const request = buildWebhookRequest(row, deps.secretBox.decrypt(row.secret), attempt, input.deliveryId);
        const result = await postWebhook({ ...request, timeoutMs: policy.timeoutMs }, outboundPolicy(deps.env));
        const isLast = input.runAttempt >= policy.maxAttempts;
        const nextWaitMs =
          result.verdict === 'retry' && !isLast
            ? waitWithRetryAfter(
                backoffMs(policy, input.runAttempt, input.random),
                result.retryAfterMs,
                policy.maxIntervalMs,
              )
            : null;
        made.push({ input, row, attempt, headers: request.headers, result, nextWaitMs });
        return { outcome: outcomeOf(result), nextWaitMs, policy };
      }),
    );
    await recordAttempts(deps, made);
    if (disabled.length > 0) {
      await deps.pool.query(
        `UPDATE "WebhookDelivery" SET status = 'dead', "nextAttemptAt" = NULL, "lastError" = 'the subscription is disabled', "updatedAt" = now()
         WHERE id = ANY($1::uuid[])`,
        [disabled],
      );
    }
    const recovered = made
      .filter(({ result, row }) => result.verdict === 'succeeded' && row.failureStreak > 0)
      .map(({ row }) => row.subscriptionId);
    if (recovered.length > 0) {
      await deps.pool.query(`UPDATE "WebhookSubscription" SET "failureStreak" = 0 WHERE id = ANY($1::uuid[])`, [
        [...new Set(recovered)],
      ]);
    }
    return results;
  };
}

function outcomeOf(result: PostResult): AttemptOutcome {
  if (result.verdict === 'succeeded') {
    return { kind: 'succeeded', status: result.status ?? 0 };
  }
  const error = result.error ?? 'failed';
  return result.verdict === 'retry'
    ? { kind: 'retry', error, retryAfterMs: result.retryAfterMs }
    : { kind: 'dead', error };
}

/** Every attempt row and its delivery's new state, in one statement. */
async function recordAttempts(deps: ActivityDeps, made: MadeAttempt[]): Promise<void> {
  if (made.length === 0) {
    return;
  }
  const rows = made.map(({ input, attempt, headers, result, nextWaitMs }) => ({
    id: randomUUID(),
    deliveryId: input.deliveryId,
    tenantId: input.tenantId,
    attempt,
    status: result.verdict === 'succeeded' ? 'succeeded' : 'delivering',
    responseStatus: result.status,
    error: result.error,
    nextWaitMs,
    requestHeaders: headers,
    bodyExcerpt: result.bodyExcerpt,
    latencyMs: result.latencyMs,
  }));
  await deps.pool.query(
    `WITH made AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS m(
         id uuid, "deliveryId" uuid, "tenantId" uuid, attempt int, status text, "responseStatus" int,
         error text, "nextWaitMs" int, "requestHeaders" jsonb, "bodyExcerpt" text, "latencyMs" int)),
     delivery AS (
       UPDATE "WebhookDelivery" d
       SET "attemptCount" = m.attempt, status = m.status, "lastStatusCode" = m."responseStatus",
           "lastError" = m.error,
           "nextAttemptAt" = CASE WHEN m."nextWaitMs" IS NULL THEN NULL ELSE now() + m."nextWaitMs" * interval '1 millisecond' END,
           "deliveredAt" = CASE WHEN m.status = 'succeeded' THEN now() ELSE d."deliveredAt" END, "updatedAt" = now()
       FROM made m
       WHERE d.id = m."deliveryId" AND d."tenantId" = m."tenantId"
       RETURNING d.id AS "deliveryId")
     INSERT INTO "WebhookAttempt" (id, "tenantId", "deliveryId", attempt, "requestHeaders", "responseStatus",
                                   "responseBodyExcerpt", error, "latencyMs")
     SELECT m.id, m."tenantId", m."deliveryId", m.attempt, m."requestHeaders", m."responseStatus", m."bodyExcerpt",
            m.error, m."latencyMs"
     FROM made m JOIN delivery USING ("deliveryId")`,
    [JSON.stringify(rows)],
  );
}
