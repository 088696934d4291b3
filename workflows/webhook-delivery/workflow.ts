// One event to one subscriber (docs/webhooks.md): signed POSTs until one succeeds, waits between
// them exponential with jitter from the subscription's retry policy, then the dead letter. The
// attempt activity never retries by itself (maximumAttempts 1): this loop owns the schedule, so
// every attempt is recorded and the waits are exactly the policy's. The jitter's random number is
// Temporal's seeded Math.random, so it replays identically; the activity turns it into the wait
// (it holds the policy) and records when the next attempt is due.
import { ActivityFailure, proxyActivities, proxyLocalActivities, sleep } from '@temporalio/workflow';
import type { Activities } from '#activities/index';
import type { AttemptResult } from '#activities/outgoing-webhooks/attempt-delivery';
import type { AttemptOutcome, WebhookDeliveryInput } from './messages.ts';

// A local activity: an attempt is short (its timeout is at most 30 s) and runs in the worker that
// holds the workflow, so a delivery costs one workflow task instead of an activity task's round
// trips through the server (the dev server's throughput is what limits deliveries/s).
const { attemptWebhookDelivery } = proxyLocalActivities<Activities>({
  // The request's own timeout ends it first; this bounds a worker lost mid-attempt.
  startToCloseTimeout: '90 seconds',
  retry: { maximumAttempts: 1 },
});

const { deadWebhookDelivery } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** When an attempt's activity itself was lost before any told us the policy. */
const LOST_ATTEMPT_WAIT_MS = 10_000;
const LOST_ATTEMPTS_LIMIT = 8;

export type WebhookDeliveryResult = { status: 'succeeded' | 'dead' | 'stopped'; attempts: number };

export async function webhookDeliveryWorkflow(input: WebhookDeliveryInput): Promise<WebhookDeliveryResult> {
  let maxAttempts = LOST_ATTEMPTS_LIMIT;
  let outcome: AttemptOutcome = { kind: 'retry', error: 'not attempted', retryAfterMs: null };
  let made = 0;
  while (made < maxAttempts) {
    made += 1;
    const result: AttemptResult | null = await attemptWebhookDelivery({
      ...input,
      runAttempt: made,
      random: Math.random(),
    }).catch((error: unknown) => {
      outcome = lostAttempt(error);
      return null;
    });
    if (result) {
      outcome = result.outcome;
      maxAttempts = result.policy.maxAttempts;
    }
    const waitMs = result ? result.nextWaitMs : LOST_ATTEMPT_WAIT_MS;
    if (outcome.kind !== 'retry' || waitMs === null || made >= maxAttempts) {
      break;
    }
    await sleep(waitMs);
  }
  if (outcome.kind === 'succeeded' || outcome.kind === 'stopped') {
    return { status: outcome.kind, attempts: made };
  }
  await deadWebhookDelivery({ ...input, error: outcome.error });
  return { status: 'dead', attempts: made };
}

/** An attempt whose activity failed (worker lost, timeout) counts as a failed, retryable one. */
function lostAttempt(error: unknown): AttemptOutcome {
  const cause = error instanceof ActivityFailure ? (error.cause?.message ?? error.message) : String(error);
  return { kind: 'retry', error: `attempt did not finish: ${cause}`, retryAfterMs: null };
}
