// Pacing per WhatsApp number, shared by every campaign this worker process sends.
//
// The guarantee: WhatsApp never takes more than the number's messages-per-second limit in any
// 1-second window, whatever the delays between us and Meta. A send is taken somewhere between the
// moment we start it and the moment its answer arrives, so a window of Meta's can hold every send
// started in it and every send still unanswered (or answered less than a second ago) when it
// began. A send therefore counts from its start until one second after its answer, and a new one
// starts only while fewer than `limit` count. Pacing only the starts (a token bucket alone) let
// sends held up on the way, up to the 64 in flight, land in the same second as the next ones:
// 1,034 in one second at a limit of 1,000.
//
// Within that, a token bucket at the limit spaces the sends evenly and holds 10 ms of them (at
// least 2), so a timer a little late loses nothing. Timers 15–80 ms late (a busy event loop)
// still lose time: a bucket of 100 ms recovered it (94.6% → 96.9% at 1,000/s in the benchmark),
// but its bursts of 50–100 sends, on a process that also runs the simulator (the campaign tests)
// and is short of CPU, left requests unanswered for 15 s and reused connections the server had
// closed: 153 sends of 10,000 ended with an unknown outcome. The window is what keeps the rate
// under the limit: each send holds its place for a second plus its answer's time.
//
// Per process: two worker processes sending for the same number would each pace to the whole
// limit and together exceed it. Running more than one worker that sends campaigns needs the
// pacing in Redis; not built, since one worker sends them today.
//
// Waiters queue in order and one timer hands out slots as they free up, so 64 concurrent sends
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

/** How late a timer may fire without losing send time. */
const CATCH_UP_MS = 10;
const WINDOW_MS = 1000;

/** Call when the send's answer (or error) arrived; it keeps counting for one more second. */
export type SendSlot = () => void;

type Waiter = { resolve: (slot: SendSlot) => void; reject: (error: unknown) => void; signal: AbortSignal | undefined };

export type ChannelPacer = {
  /** Waits for a send slot; rejects with the signal's reason when it aborts first. */
  take: (signal?: AbortSignal) => Promise<SendSlot>;
  /** Meta said 130429: nobody sends on this number for `ms`. */
  pause: (ms: number) => void;
  readonly ratePerSecond: number;
};

export function createChannelPacer(messagesPerSecond: number, clock: LimiterClock = realClock) {
  let limit = 1;
  let rate = 0; // tokens per ms
  let burst = 1;
  let tokens = 0;
  let updatedAt = clock.now();
  let pausedUntil = 0;
  let cancelTimer: (() => void) | null = null;
  const waiters: Waiter[] = [];
  let unanswered = 0;
  /** Answer times of the last second, oldest first (from `head` on). */
  const answeredAt: number[] = [];
  let head = 0;

  function configure(messagesPerSecondLimit: number): void {
    limit = Math.max(1, Math.floor(messagesPerSecondLimit));
    rate = limit / 1000;
    burst = Math.max(2, Math.ceil(limit * (CATCH_UP_MS / 1000)));
  }
  configure(messagesPerSecond);
  tokens = burst;

  /** Sends that count now: unanswered, or answered within the last second. */
  function counting(at: number): number {
    while (head < answeredAt.length && answeredAt[head]! <= at - WINDOW_MS) {
      head++;
    }
    if (head > 1024 && head * 2 > answeredAt.length) {
      answeredAt.splice(0, head);
      head = 0;
    }
    return unanswered + answeredAt.length - head;
  }

  function refill(at: number): void {
    const from = Math.max(updatedAt, pausedUntil);
    if (at > from) {
      tokens = Math.min(burst, tokens + (at - from) * rate);
    }
    updatedAt = Math.max(updatedAt, at);
  }

  function slot(): SendSlot {
    unanswered++;
    let answered = false;
    return () => {
      if (answered) {
        return;
      }
      answered = true;
      unanswered--;
      answeredAt.push(clock.now());
      // Only a window full of unanswered sends has no timer to wake it: its first answer does.
      if (waiters.length > 0 && !cancelTimer) {
        pump();
      }
    };
  }

  function pump(): void {
    cancelTimer = null;
    const at = clock.now();
    refill(at);
    while (waiters.length > 0 && at >= pausedUntil && tokens >= 1 && counting(at) < limit) {
      tokens -= 1;
      waiters.shift()?.resolve(slot());
    }
    if (waiters.length === 0) {
      return;
    }
    let wait = at < pausedUntil ? pausedUntil - at + (1 - tokens) / rate : (1 - tokens) / rate;
    if (counting(at) >= limit) {
      if (head === answeredAt.length) {
        return; // every counted send is unanswered: the first answer pumps again
      }
      wait = Math.max(wait, answeredAt[head]! + WINDOW_MS - at);
    }
    cancelTimer = clock.setTimer(pump, Math.max(1, Math.ceil(wait)));
  }

  const pacer = {
    setLimit(messagesPerSecondLimit: number): void {
      configure(messagesPerSecondLimit);
      tokens = Math.min(tokens, burst);
    },
    take(signal?: AbortSignal): Promise<SendSlot> {
      if (signal?.aborted) {
        return Promise.reject(signal.reason);
      }
      return new Promise<SendSlot>((resolve, reject) => {
        const waiter: Waiter = { resolve, reject, signal };
        const onAbort = () => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) {
            waiters.splice(index, 1);
            reject(signal?.reason);
          }
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiter.resolve = (granted) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(granted);
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
      return limit;
    },
  };
  return pacer;
}

/** One pacer per channel, created on first use and following the channel's current limit. */
export function createSendRateLimiter(clock: LimiterClock = realClock) {
  const pacers = new Map<string, ReturnType<typeof createChannelPacer>>();
  return {
    forChannel(channelId: string, messagesPerSecond: number): ChannelPacer {
      let pacer = pacers.get(channelId);
      if (!pacer) {
        pacer = createChannelPacer(messagesPerSecond, clock);
        pacers.set(channelId, pacer);
      } else if (pacer.ratePerSecond !== Math.max(1, Math.floor(messagesPerSecond))) {
        pacer.setLimit(messagesPerSecond);
      }
      return pacer;
    },
  };
}

export type SendRateLimiter = ReturnType<typeof createSendRateLimiter>;

/** The worker process's limiter: every campaign activity of this process paces through it. */
export const sendRateLimiter = createSendRateLimiter();
