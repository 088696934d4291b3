// Options of the Meta simulator, validated once at creation. Every knob a test or a benchmark
// needs (latency, failure injection, rate limits, clocks) lives here with Meta-like defaults.
import { z } from 'zod';
import { WHATSAPP_LIMITS } from '#api/whatsapp/limits';

const fn = <T>(what: string) => z.custom<T>((value) => typeof value === 'function', `${what} must be a function`);
const rate = z.number().min(0).max(1);

export const DEFAULT_REJECTED_WORDS = ['guaranteed', 'free money', 'click here now'];
/** Words that make a UTILITY template promotional: rejected with reason PROMOTIONAL. */
export const DEFAULT_PROMOTIONAL_WORDS = ['discount', 'coupon', 'promo code', '% off', 'limited time offer'];

export const simulatorOptionsSchema = z.object({
  /** Milliseconds since the epoch; inject a fake clock to test windows, expiries and rate limits. */
  now: fn<() => number>('now').default(() => Date.now),
  /** Source of randomness in [0, 1) for ids, latency and failure injection. */
  random: fn<() => number>('random').default(() => Math.random),
  /** Delay between lifecycle steps (accepted → sent → delivered → read, review, inbound). */
  latencyMs: z
    .object({ min: z.number().int().min(0), max: z.number().int().min(0) })
    .refine((l) => l.max >= l.min, 'max must be >= min')
    .default({ min: 50, max: 300 }),
  webhookAttempts: z.number().int().min(1).max(50).default(6),
  /** First retry delay; each further retry doubles it (2 s → 4 → 8 → 16 → 32: about a minute). */
  webhookRetryDelayMs: z.number().int().min(0).default(2000),
  webhookTimeoutMs: z.number().int().min(1).default(10_000),
  /**
   * Webhook POSTs in flight at once per URL; the others wait their turn, as with any sender that
   * pools its connections. Unbounded, a 10,000-recipient campaign's statuses (one line per chat)
   * opened thousands of connections to the receiver at once.
   */
  webhookConcurrency: z.number().int().min(1).max(1000).default(64),
  /**
   * Off (0) by default. Otherwise statuses for the same number and webhook URL reported within this
   * many milliseconds go out as one POST with several entries in `value.statuses` (Meta's payload
   * allows it), at most `statusBatchMax` per POST: a campaign at 1,000 messages/s then costs the
   * receiver tens of POSTs a second instead of thousands.
   */
  statusBatchMs: z.number().int().min(0).max(10_000).default(0),
  statusBatchMax: z.number().int().min(1).max(1000).default(100),
  /** Fraction of successful webhook deliveries sent a second time, as Meta sometimes does. */
  duplicateRate: rate.default(0),
  /** Fraction of outbound messages that fail after acceptance (131026 or 131000). */
  failureRate: rate.default(0),
  /** Recipients (wa_id digits) that are "not on WhatsApp": their messages fail with 131026. */
  unreachableNumbers: z.array(z.string()).default([]),
  /** Customers read every delivered message by themselves. */
  autoRead: z.boolean().default(false),
  /** Default per-number throughput (messages per second) when a number does not set its own. */
  throughputPerSecond: z.number().positive().default(WHATSAPP_LIMITS.throughputPerSecond),
  /** Pair rate limit: one message per `intervalMs` to the same user, with bursts of `burst`. */
  pairRate: z
    .object({ intervalMs: z.number().positive(), burst: z.number().int().min(1) })
    .default({ intervalMs: WHATSAPP_LIMITS.pairRate.windowSeconds * 1000, burst: WHATSAPP_LIMITS.pairRate.burst }),
  customerServiceWindowMs: z
    .number()
    .int()
    .positive()
    .default(WHATSAPP_LIMITS.customerServiceWindowHours * 3600_000),
  templateReviewDelayMs: z.number().int().min(0).default(2000),
  /** Template bodies containing one of these (case-insensitive) are REJECTED after review. */
  rejectedWords: z.array(z.string().min(1)).default(DEFAULT_REJECTED_WORDS),
  /** UTILITY templates whose body contains one of these (case-insensitive) are REJECTED as PROMOTIONAL. */
  promotionalWords: z.array(z.string().min(1)).default(DEFAULT_PROMOTIONAL_WORDS),
  mediaUrlTtlMs: z
    .number()
    .int()
    .positive()
    .default(5 * 60_000),
  /** JSON snapshot of the state, written on change and loaded at start. */
  stateFile: z.string().min(1).optional(),
  /** Folder for media bytes; in memory when absent. */
  mediaDir: z.string().min(1).optional(),
  saveDebounceMs: z.number().int().min(0).default(250),
  /** Absolute URL of the simulator root, for media URLs; by default taken from each request. */
  publicUrl: z.url().optional(),
  log: fn<(line: string) => void>('log').default(() => () => undefined),
});

export type SimulatorOptionsInput = z.input<typeof simulatorOptionsSchema>;
export type SimulatorOptions = z.output<typeof simulatorOptionsSchema>;

export function resolveOptions(input: SimulatorOptionsInput = {}): SimulatorOptions {
  return simulatorOptionsSchema.parse(input);
}
