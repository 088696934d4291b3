// Pacing per WhatsApp number, shared by every campaign this worker process sends: a token bucket
// per channel refilled at 97% of the number's messages-per-second limit, holding about 10 ms of
// sends (2 tokens at 80/s, 10 at 1,000/s; never more than the limit leaves, at least 1). In any
// 1-second window a bucket grants at most burst + rate sends, within the number's limit, and over
// time it grants 97%, so a campaign reaches at least 95% of the number's throughput without Meta
// answering 130429. The burst is what absorbs a timer firing late: with room for one token, a timer
// a millisecond or two late (a busy event loop) lost that time for good, and 80/s paced at 89%.
//
// Per process: two worker processes sending for the same number would each pace to the whole
// limit and together exceed it. Running more than one worker that sends campaigns needs the
// bucket in Redis (one atomic script per grant); not built, since one worker sends them today.
//
// Waiters queue in order and one timer hands out tokens as they refill, so 64 concurrent sends
// cost one timer, not 64 polling loops.

export type LimiterClock = {
  now: () => number;
  /** Runs `fn` after `ms`; returns a function that cancels it. */
  setTimer: (fn: () => void, ms: number) => () => void;
};

const realClock: LimiterClock = {
  now: () => performance.now(),
  setTimer: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

/** Share of the number's limit the bucket refills at. */
export const PACE_SHARE = 0.97;
/** How late a timer may fire without the bucket losing time; more burst would only bunch sends. */
const LATE_TIMER_MS = 10;

type Waiter = { resolve: () => void; reject: (error: unknown) => void; signal: AbortSignal | undefined };

export type ChannelPacer = {
  /** Waits for a send slot; rejects with the signal's reason when it aborts first. */
  take: (signal?: AbortSignal) => Promise<void>;
  /** Meta said 130429: nobody sends on this number for `ms`. */
  pause: (ms: number) => void;
  readonly ratePerSecond: number;
};

export function createChannelPacer(messagesPerSecond: number, clock: LimiterClock = realClock) {
  let rate = 0; // tokens per ms
  let burst = 1;
  let tokens = 0;
  let updatedAt = clock.now();
  let pausedUntil = 0;
  let cancelTimer: (() => void) | null = null;
  const waiters: Waiter[] = [];

  function configure(limit: number): void {
    const perSecond = Math.max(0.1, limit) * PACE_SHARE;
    rate = perSecond / 1000;
    // Enough tokens for a timer LATE_TIMER_MS late (at least 2), never more than the limit leaves.
    const forLateTimers = Math.max(2, Math.ceil((perSecond * LATE_TIMER_MS) / 1000));
    burst = Math.max(1, Math.min(forLateTimers, Math.floor(Math.max(0.1, limit) - perSecond)));
  }
  configure(messagesPerSecond);
  tokens = burst;

  function refill(at: number): void {
    const from = Math.max(updatedAt, pausedUntil);
    if (at > from) {
      tokens = Math.min(burst, tokens + (at - from) * rate);
    }
    updatedAt = Math.max(updatedAt, at);
  }

  function pump(): void {
    cancelTimer = null;
    const at = clock.now();
    refill(at);
    while (waiters.length > 0 && at >= pausedUntil && tokens >= 1) {
      tokens -= 1;
      waiters.shift()?.resolve();
    }
    if (waiters.length === 0) {
      return;
    }
    const wait = at < pausedUntil ? pausedUntil - at + (1 - tokens) / rate : (1 - tokens) / rate;
    cancelTimer = clock.setTimer(pump, Math.max(1, Math.ceil(wait)));
  }

  const pacer = {
    setLimit(limit: number): void {
      configure(limit);
      tokens = Math.min(tokens, burst);
    },
    take(signal?: AbortSignal): Promise<void> {
      if (signal?.aborted) {
        return Promise.reject(signal.reason);
      }
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { resolve, reject, signal };
        const onAbort = () => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) {
            waiters.splice(index, 1);
            reject(signal?.reason);
          }
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiter.resolve = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        waiters.push(waiter);
        if (!cancelTimer) {
          pump();
        }
      });
    },
    pause(ms: number): void {
      refill(clock.now());
      pausedUntil = Math.max(pausedUntil, clock.now() + ms);
      tokens = Math.min(tokens, 0);
      cancelTimer?.();
      cancelTimer = null;
      if (waiters.length > 0) {
        pump();
      }
    },
    get ratePerSecond() {
      return rate * 1000;
    },
  };
  return pacer;
}

/** One bucket per channel, created on first use and following the channel's current limit. */
export function createSendRateLimiter(clock: LimiterClock = realClock) {
  const pacers = new Map<string, ReturnType<typeof createChannelPacer>>();
  return {
    forChannel(channelId: string, messagesPerSecond: number): ChannelPacer {
      let pacer = pacers.get(channelId);
      if (!pacer) {
        pacer = createChannelPacer(messagesPerSecond, clock);
        pacers.set(channelId, pacer);
      } else if (Math.abs(pacer.ratePerSecond - messagesPerSecond * PACE_SHARE) > 1e-9) {
        pacer.setLimit(messagesPerSecond);
      }
      return pacer;
    },
  };
}

export type SendRateLimiter = ReturnType<typeof createSendRateLimiter>;

/** The worker process's limiter: every campaign activity of this process paces through it. */
export const sendRateLimiter = createSendRateLimiter();
