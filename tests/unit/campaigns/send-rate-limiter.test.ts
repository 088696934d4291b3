// The campaign pacer on a fake clock: never more sends than the number's limit in any 1-second
// window, and at least 95% of it over a long run, also with 64 senders waiting at once.
import { createChannelPacer, createSendRateLimiter, type LimiterClock } from '#activities/campaigns/send-rate-limiter';

/** A clock whose timers fire `lateMs` after they are due, like a busy event loop's. */
function fakeClock(lateMs = 0) {
  let now = 0;
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 0;
  const clock: LimiterClock = {
    now: () => now,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms + lateMs, fn, id });
      return () => {
        timers = timers.filter((t) => t.id !== id);
      };
    },
  };
  return {
    clock,
    now: () => now,
    /** Moves time forward 1 ms at a time, running due timers and the promise jobs they start. */
    async advance(ms: number) {
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

/** 64 senders taking slots one after another until `total` sends are granted; their times. */
async function run(limit: number, total: number, pauseAt?: number, lateMs = 0) {
  const fake = fakeClock(lateMs);
  const pacer = createChannelPacer(limit, fake.clock);
  const granted: number[] = [];
  let issued = 0;
  const sender = async () => {
    while (issued < total) {
      issued++;
      await pacer.take();
      granted.push(fake.now());
      if (pauseAt !== undefined && granted.length === pauseAt) {
        pacer.pause(1000);
      }
    }
  };
  const senders = Array.from({ length: 64 }, sender);
  while (granted.length < total) {
    await fake.advance(10);
  }
  await Promise.all(senders);
  return granted;
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

describe('[campaigns] send rate limiter', () => {
  it.each([5, 80, 1000])('never exceeds %i msg/s in any second and reaches at least 95% of it', async (limit) => {
    const total = limit * 10;
    const times = await run(limit, total);
    expect(maxInAnySecond(times)).toBeLessThanOrEqual(limit);
    const seconds = (times[times.length - 1]! - times[0]!) / 1000;
    expect((total - 1) / seconds).toBeGreaterThanOrEqual(limit * 0.95);
  });

  it.each([80, 1000])('keeps %i msg/s at 95% when its timers fire 2 ms late', async (limit) => {
    const total = limit * 10;
    const times = await run(limit, total, undefined, 2);
    expect(maxInAnySecond(times)).toBeLessThanOrEqual(limit);
    const seconds = (times[times.length - 1]! - times[0]!) / 1000;
    expect((total - 1) / seconds).toBeGreaterThanOrEqual(limit * 0.95);
  });

  it('stops every sender for a second after a 130429 and stays under the limit', async () => {
    const times = await run(80, 400, 100);
    expect(maxInAnySecond(times)).toBeLessThanOrEqual(80);
    const gap = times[100]! - times[99]!;
    expect(gap).toBeGreaterThanOrEqual(1000);
  });

  it('keeps one bucket per channel and follows a changed limit', () => {
    const limiter = createSendRateLimiter(fakeClock().clock);
    const a = limiter.forChannel('a', 80);
    expect(limiter.forChannel('a', 80)).toBe(a);
    expect(limiter.forChannel('b', 80)).not.toBe(a);
    expect(limiter.forChannel('a', 1000).ratePerSecond).toBeCloseTo(970);
  });

  it('lets an aborted wait go without taking a slot', async () => {
    const fake = fakeClock();
    const pacer = createChannelPacer(1, fake.clock);
    await pacer.take(); // the burst
    const controller = new AbortController();
    const waiting = pacer.take(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    const next = pacer.take();
    await fake.advance(1100);
    await expect(next).resolves.toBeUndefined();
  });
});
