// The campaign pacer on a fake clock: never more sends than the number's limit in any 1-second
// window, and at least 95% of it over a long run, also with 64 senders waiting at once, with
// timers that fire late (a busy event loop), and with answers that take a while or stall.
import { createChannelPacer, createSendRateLimiter, type LimiterClock } from '#activities/campaigns/send-rate-limiter';

/** A clock whose timers fire `lateMs` after they are due, like a busy event loop's. */
function fakeClock(lateMs: number | (() => number) = 0) {
  let now = 0;
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 0;
  const clock: LimiterClock = {
    now: () => now,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms + (typeof lateMs === 'number' ? lateMs : lateMs()), fn, id });
      return () => {
        timers = timers.filter((t) => t.id !== id);
      };
    },
  };
  return {
    clock,
    now: () => now,
    /** A sender's own wait (its request in flight), on time whatever the pacer's timers do. */
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        timers.push({ at: now + ms, fn: resolve, id: nextId++ });
      }),
    /** Moves time forward 1 ms at a time, running due timers and the promise jobs they start. */
    async advance(ms: number) {
      if (ms === 0) {
        await Promise.resolve();
        await Promise.resolve();
      }
      for (let step = 0; step < ms; step++) {
        now += 1;
        for (const timer of timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)) {
          timers = timers.filter((t) => t.id !== timer.id);
          timer.fn();
        }
        await Promise.resolve();
        await Promise.resolve();
      }
    },
  };
}

type RunOptions = {
  /** After this many grants, Meta answers 130429 (the pacer pauses a second). */
  pauseAt?: number;
  /** How late the pacer's timers fire. */
  lateMs?: number | (() => number);
  /** How long the nth send, granted at `at`, waits for its answer. */
  answerAfterMs?: (n: number, at: number) => number;
};

/**
 * 64 senders taking slots one after another until `total` sends are granted. Returns when each was
 * granted and when WhatsApp took it: at the end of the wait for its answer, the latest it can be.
 */
async function run(limit: number, total: number, options: RunOptions = {}) {
  const fake = fakeClock(options.lateMs ?? 0);
  const pacer = createChannelPacer(limit, fake.clock);
  const granted: number[] = [];
  const taken: number[] = [];
  let issued = 0;
  const sender = async () => {
    while (issued < total) {
      issued++;
      const answered = await pacer.take();
      const n = granted.length;
      granted.push(fake.now());
      if (options.pauseAt !== undefined && granted.length === options.pauseAt) {
        pacer.pause(1000);
      }
      const wait = options.answerAfterMs?.(n, fake.now()) ?? 0;
      if (wait > 0) {
        await fake.sleep(wait);
      }
      taken.push(fake.now());
      answered();
    }
  };
  const senders = Array.from({ length: 64 }, sender);
  await fake.advance(0); // the sends granted at once record the time they were granted
  while (taken.length < total) {
    await fake.advance(10);
  }
  await Promise.all(senders);
  return { granted, taken: taken.sort((a, b) => a - b) };
}

/** Sends per second from the first grant to the last. */
function perSecond(times: number[]): number {
  return (times.length - 1) / ((times[times.length - 1]! - times[0]!) / 1000);
}

function maxInAnySecond(times: number[]): number {
  let max = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= 1000) {
      start++;
    }
    max = Math.max(max, end - start + 1);
  }
  return max;
}

/** The most sends granted at the same moment (times in order). */
function mostAtOnce(times: number[]): number {
  let most = 0;
  let run = 0;
  times.forEach((t, i) => {
    run = i > 0 && times[i - 1] === t ? run + 1 : 1;
    most = Math.max(most, run);
  });
  return most;
}

describe('[campaigns] send rate limiter', () => {
  it.each([5, 80, 1000])('never exceeds %i msg/s in any second and reaches at least 95% of it', async (limit) => {
    const total = limit * 10;
    const { granted } = await run(limit, total);
    expect(maxInAnySecond(granted)).toBeLessThanOrEqual(limit);
    expect(perSecond(granted)).toBeGreaterThanOrEqual(limit * 0.95);
  });

  it.each([
    [80, 2],
    [1000, 2],
    [80, 20],
    [1000, 20],
  ])('keeps %i msg/s at 95%, never above it, when its timers fire %i ms late', async (limit, lateMs) => {
    const total = limit * 10;
    const { granted } = await run(limit, total, { lateMs });
    expect(maxInAnySecond(granted)).toBeLessThanOrEqual(limit);
    expect(perSecond(granted)).toBeGreaterThanOrEqual(limit * 0.95);
  });

  it.each([80, 1000])(
    'gives %i msg/s back the time lost by one timer in a hundred firing 15-80 ms late, never more than 25 ms of sends (or 4) at once',
    async (limit) => {
      let n = 0;
      const lateMs = () => (n++ % 100 === 99 ? 15 + ((n * 7919) % 66) : 1);
      const { granted } = await run(limit, limit * 10, { lateMs });
      expect(maxInAnySecond(granted)).toBeLessThanOrEqual(limit);
      expect(perSecond(granted)).toBeGreaterThanOrEqual(limit * 0.95);
      expect(mostAtOnce(granted)).toBeLessThanOrEqual(Math.max(4, Math.floor(limit / 40)));
    },
  );

  it.each([80, 1000])(
    'keeps WhatsApp under %i msg/s when answers take 0-40 ms and it stalls 100 ms every 5 s',
    async (limit) => {
      const total = limit * 10;
      // A stalled receiver takes every send of the stall at its end, together with the next ones;
      // counted until a second after their answer, they still fit (a pacer of starts alone let
      // 1,034 through in one second at 1,000/s).
      const answerAfterMs = (n: number, at: number) =>
        at % 5000 >= 4000 && at % 5000 < 4100 ? 4100 - (at % 5000) : (n * 7919) % 41;
      const { granted, taken } = await run(limit, total, { answerAfterMs });
      expect(maxInAnySecond(taken)).toBeLessThanOrEqual(limit);
      expect(perSecond(granted)).toBeGreaterThanOrEqual(limit * 0.95);
    },
  );

  it('stops every sender for a second after a 130429 and stays under the limit', async () => {
    const { granted } = await run(80, 400, { pauseAt: 100 });
    expect(maxInAnySecond(granted)).toBeLessThanOrEqual(80);
    const gap = granted[100]! - granted[99]!;
    expect(gap).toBeGreaterThanOrEqual(1000);
  });

  it('keeps one bucket per channel and follows a changed limit', () => {
    const limiter = createSendRateLimiter(fakeClock().clock);
    const a = limiter.forChannel('a', 80);
    expect(limiter.forChannel('a', 80)).toBe(a);
    expect(limiter.forChannel('b', 80)).not.toBe(a);
    expect(limiter.forChannel('a', 1000).ratePerSecond).toBeCloseTo(1000);
  });

  it('lets an aborted wait go without taking a slot', async () => {
    const fake = fakeClock();
    const pacer = createChannelPacer(1, fake.clock);
    const first = await pacer.take(); // the burst
    first();
    const controller = new AbortController();
    const waiting = pacer.take(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    const next = pacer.take();
    await fake.advance(1100);
    await expect(next).resolves.toBeInstanceOf(Function);
  });
});
