// One attempt of a webhook delivery (workflows/webhook-delivery): loads the delivery, its event
// and subscription in one statement, POSTs the signed envelope, records the attempt and the
// delivery's new state in one statement, and tells the workflow what comes next. It never throws
// for an HTTP outcome: the workflow owns the retry schedule (its activity options say no retries).
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
import { buildWebhookRequest, type DeliveryRow, LOAD_DELIVERY_SQL } from './webhook-request.ts';
import { postWebhook, type PostResult } from './post-webhook.ts';

export type AttemptInput = WebhookDeliveryInput & {
  /** 1-based within this run: picks the wait from the retry policy */
  runAttempt: number;
  /** The workflow's seeded Math.random(), for the jitter */
  random: number;
};

export type AttemptResult = { outcome: AttemptOutcome; nextWaitMs: number | null; policy: RetryPolicy };

export function createAttemptWebhookDeliveryActivity(deps: ActivityDeps) {
  return async function attemptWebhookDelivery(input: AttemptInput): Promise<AttemptResult> {
    const { rows } = await deps.pool.query<DeliveryRow>(LOAD_DELIVERY_SQL, [input.deliveryId, input.tenantId]);
    const row = rows[0];
    const policy = retryPolicySchema.parse(row?.retryPolicy ?? {});
    const stop = (reason: string): AttemptResult => ({
      outcome: { kind: 'stopped', reason },
      nextWaitMs: null,
      policy,
    });
    if (!row) {
      return stop('the delivery was deleted');
    }
    if (row.replayCount !== input.replayCount || row.status === 'succeeded' || row.status === 'dead') {
      return stop('this run is not the delivery’s current one');
    }
    if (!row.isEnabled) {
      await deps.pool.query(
        `UPDATE "WebhookDelivery" SET status = 'dead', "nextAttemptAt" = NULL, "lastError" = $2, "updatedAt" = now() WHERE id = $1`,
        [input.deliveryId, 'the subscription is disabled'],
      );
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
    await recordAttempt(deps, input, attempt, request.headers, result, nextWaitMs);
    if (result.verdict === 'succeeded' && row.failureStreak > 0) {
      await deps.pool.query(`UPDATE "WebhookSubscription" SET "failureStreak" = 0 WHERE id = $1`, [row.subscriptionId]);
    }
    return { outcome: outcomeOf(result), nextWaitMs, policy };
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

/** The attempt row and the delivery's state in one statement. */
async function recordAttempt(
  deps: ActivityDeps,
  input: AttemptInput,
  attempt: number,
  headers: Record<string, string>,
  result: PostResult,
  nextWaitMs: number | null,
): Promise<void> {
  const succeeded = result.verdict === 'succeeded';
  await deps.pool.query(
    `WITH delivery AS (
       UPDATE "WebhookDelivery"
       SET "attemptCount" = $4, status = $5, "lastStatusCode" = $6, "lastError" = $7,
           "nextAttemptAt" = CASE WHEN $8::int IS NULL THEN NULL ELSE now() + $8::int * interval '1 millisecond' END,
           "deliveredAt" = CASE WHEN $5 = 'succeeded' THEN now() ELSE "deliveredAt" END, "updatedAt" = now()
       WHERE id = $2 AND "tenantId" = $3
       RETURNING id)
     INSERT INTO "WebhookAttempt" (id, "tenantId", "deliveryId", attempt, "requestHeaders", "responseStatus",
                                   "responseBodyExcerpt", error, "latencyMs")
     SELECT $1, $3, id, $4, $9, $6, $10, $7, $11 FROM delivery`,
    [
      randomUUID(),
      input.deliveryId,
      input.tenantId,
      attempt,
      succeeded ? 'succeeded' : 'delivering',
      result.status,
      result.error,
      nextWaitMs,
      JSON.stringify(headers),
      result.bodyExcerpt,
      result.latencyMs,
    ],
  );
}
