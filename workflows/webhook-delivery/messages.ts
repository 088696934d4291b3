// The webhook delivery workflow's public surface: its id and input, and the retry policy it
// schedules attempts by (api/outgoing-webhooks/schemas.ts validates what tenants store).

/**
 * A run is named after its first delivery: a replay (replayCount + 1) is a new run with its own
 * id, and starting a delivery again that an earlier run began with finds that run already there.
 */
export function webhookDeliveryWorkflowId(deliveryId: string, replayCount: number): string {
  return `webhook-delivery-${deliveryId}-${replayCount}`;
}

export type WebhookDeliveryInput = { tenantId: string; deliveryId: string; replayCount: number };

/** The deliveries one run makes, each on its own schedule (at most MAX_DELIVERIES_PER_RUN). */
export type WebhookDeliveryRunInput = { deliveries: WebhookDeliveryInput[] };

/** Bounds a run's history: each attempt round records its results in it. */
export const MAX_DELIVERIES_PER_RUN = 100;

export type DeliveryRetryPolicy = {
  /** Attempts in one run, the first included */
  maxAttempts: number;
  initialIntervalMs: number;
  backoffCoefficient: number;
  maxIntervalMs: number;
  /** 0..1: each wait is spread by up to ± this fraction */
  jitter: number;
  /** One attempt's time limit */
  timeoutMs: number;
};

/** What one attempt came to. `retry`: worth another attempt; `dead`: never (4xx, refused target). */
export type AttemptOutcome =
  | { kind: 'succeeded'; status: number }
  | { kind: 'retry'; error: string; retryAfterMs: number | null }
  | { kind: 'dead'; error: string }
  /** The delivery or its subscription is gone or disabled: stop without another attempt */
  | { kind: 'stopped'; reason: string };

/**
 * The wait after attempt `attempt` (1-based): initial × coefficient^(attempt-1), capped, spread
 * by the jitter with `random` in [0, 1). Pure, so the workflow (seeded Math.random), the delivery
 * log's nextAttemptAt and the docs' schedule agree.
 */
export function backoffMs(policy: DeliveryRetryPolicy, attempt: number, random: number): number {
  const base = Math.min(policy.maxIntervalMs, policy.initialIntervalMs * policy.backoffCoefficient ** (attempt - 1));
  return Math.max(1, Math.round(base * (1 + policy.jitter * (2 * random - 1))));
}

/** A receiver's Retry-After (429/503) lengthens the wait, up to the policy's longest one. */
export function waitWithRetryAfter(waitMs: number, retryAfterMs: number | null, maxIntervalMs: number): number {
  return Math.max(waitMs, Math.min(retryAfterMs ?? 0, maxIntervalMs));
}
