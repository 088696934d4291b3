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
// Within that, sends are spaced evenly at the limit. A timer that fires late (15–80 ms on a busy
// event loop) must not lose the time it slept through: that alone cost 1,000/s numbers a tenth of
// their rate. The lost time comes back over the next milliseconds rather than in one burst, since
// a burst is a spike of work for whoever answers (and, in the tests, for the same process):
// - credit, filled at the limit, keeps up to CREDIT_MS of sends a late timer would lose;
// - the burst bucket, filled at CATCH_UP_SPEED times the limit, holds BURST_MS of sends: never
//   more go out at once, and lost time comes back at most twice as fast as the limit.
// Meanwhile the window keeps every second under the limit.
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

/** Send time a late timer may lose and still get back. */
const CREDIT_MS = 100;
/** The most sent at once, in milliseconds of sends at the limit, but never fewer than BURST_MIN. */
const BURST_MS = 25;
/** At 80/s, 25 ms is 2 sends: timers steadily 20 ms late then lost 7% of the rate. */
const BURST_MIN = 4;
/** How much faster than the limit lost time is given back. */
const CATCH_UP_SPEED = 2;
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
  let rate = 0; // sends per ms
  let creditMax = 1;
  let burstMax = 1;
  let credit = 0;
  let burst = 0;
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
    creditMax = Math.max(1, limit * (CREDIT_MS / 1000));
    burstMax = Math.max(BURST_MIN, limit * (BURST_MS / 1000));
  }
  configure(messagesPerSecond);
  credit = Math.min(burstMax, creditMax);
  burst = burstMax;

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
      credit = Math.min(creditMax, credit + (at - from) * rate);
      burst = Math.min(burstMax, burst + (at - from) * rate * CATCH_UP_SPEED);
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
    while (waiters.length > 0 && at >= pausedUntil && credit >= 1 && burst >= 1 && counting(at) < limit) {
      credit -= 1;
      burst -= 1;
      waiters.shift()?.resolve(slot());
    }
    if (waiters.length === 0) {
      return;
    }
    const refilled = Math.max((1 - credit) / rate, (1 - burst) / (rate * CATCH_UP_SPEED));
    let wait = at < pausedUntil ? pausedUntil - at + refilled : refilled;
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
      credit = Math.min(credit, creditMax);
      burst = Math.min(burst, burstMax);
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
      credit = Math.min(credit, 0);
      burst = Math.min(burst, 0);
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
