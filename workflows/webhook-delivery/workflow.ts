// Events to subscribers (docs/webhooks.md). A run carries the deliveries one process dispatched
// together (api/outgoing-webhooks/delivery-workflows.ts), each on its own schedule: signed POSTs
// until one succeeds, waits between them exponential with jitter from its subscription's retry
// policy, then the dead letter. One run per batch rather than per delivery because a workflow
// start is what the Temporal server spends most on, and an event fans out to every subscriber.
//
// The attempt activity never retries by itself (maximumAttempts 1): this code owns the schedule,
// so every attempt is recorded and the waits are exactly the policy's. The jitter's random number
// is Temporal's seeded Math.random, so it replays identically; the activity turns it into the wait
// (it holds the policy) and records when the next attempt is due.
import { ActivityFailure, proxyActivities, proxyLocalActivities, sleep } from '@temporalio/workflow';
import type { Activities } from '#activities/index';
import type { AttemptInput, AttemptResult } from '#activities/outgoing-webhooks/attempt-delivery';
import type { AttemptOutcome, WebhookDeliveryInput, WebhookDeliveryRunInput } from './messages.ts';

// A local activity: an attempt is short (its timeout is at most 30 s) and runs in the worker that
// holds the workflow, so a round of attempts costs no activity task round trips through the server.
const { attemptWebhookDeliveries } = proxyLocalActivities<Activities>({
  // The requests' own timeouts end them first; this bounds a worker lost mid-round.
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

export async function webhookDeliveryWorkflow(input: WebhookDeliveryRunInput): Promise<WebhookDeliveryResult[]> {
  const rounds = new AttemptRounds();
  return Promise.all(input.deliveries.map((delivery) => deliver(delivery, rounds)));
}

/** One delivery's schedule within the run. */
async function deliver(delivery: WebhookDeliveryInput, rounds: AttemptRounds): Promise<WebhookDeliveryResult> {
  let maxAttempts = LOST_ATTEMPTS_LIMIT;
  let outcome: AttemptOutcome = { kind: 'retry', error: 'not attempted', retryAfterMs: null };
  let made = 0;
  while (made < maxAttempts) {
    made += 1;
    const { round, result, error } = await rounds.attempt({ ...delivery, runAttempt: made });
    if (result) {
      outcome = result.outcome;
      maxAttempts = result.policy.maxAttempts;
    } else {
      outcome = lostAttempt(error);
    }
    const waitMs = result ? result.nextWaitMs : LOST_ATTEMPT_WAIT_MS;
    if (outcome.kind !== 'retry' || waitMs === null || made >= maxAttempts) {
      break;
    }
    await rounds.wait(round, waitMs);
  }
  if (outcome.kind === 'succeeded' || outcome.kind === 'stopped') {
    return { status: outcome.kind, attempts: made };
  }
  await deadWebhookDelivery({ ...delivery, error: outcome.error });
  return { status: 'dead', attempts: made };
}

type Ask = Omit<AttemptInput, 'random'>;
/** An attempt's result, or why the round's activity failed (no result then). */
type Answer = { round: number; result: AttemptResult | null; error?: unknown };

/**
 * Attempts asked for in the same activation (the run's start; retries whose timers fire together)
 * go to the activity as one round, with one jitter draw; so the round's retries with the same
 * policy wait the same time, and share one timer (one workflow task when it fires, not one per
 * delivery). Deterministic: asks arrive in the order the workflow's code runs, which replays
 * identically, and the random number is Temporal's seeded Math.random.
 */
class AttemptRounds {
  private asks: Array<{ ask: Ask; settle: (answer: Answer) => void }> = [];
  private count = 0;
  private readonly timers = new Map<string, Promise<void>>();

  attempt(ask: Ask): Promise<Answer> {
    return new Promise((settle) => {
      this.asks.push({ ask, settle });
      if (this.asks.length === 1) {
        void Promise.resolve().then(() => this.send());
      }
    });
  }

  wait(round: number, ms: number): Promise<void> {
    const key = `${round}:${ms}`;
    let timer = this.timers.get(key);
    if (!timer) {
      timer = sleep(ms).finally(() => this.timers.delete(key));
      this.timers.set(key, timer);
    }
    return timer;
  }

  private send(): void {
    const asks = this.asks;
    this.asks = [];
    const round = (this.count += 1);
    const random = Math.random();
    attemptWebhookDeliveries(asks.map(({ ask }) => ({ ...ask, random }))).then(
      (results) => asks.forEach(({ settle }, i) => settle({ round, result: results[i]! })),
      (error: unknown) => asks.forEach(({ settle }) => settle({ round, result: null, error })),
    );
  }
}

/** An attempt whose activity failed (worker lost, timeout) counts as a failed, retryable one. */
function lostAttempt(error: unknown): AttemptOutcome {
  const cause = error instanceof ActivityFailure ? (error.cause?.message ?? error.message) : String(error);
  return { kind: 'retry', error: `attempt did not finish: ${cause}`, retryAfterMs: null };
}
