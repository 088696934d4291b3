// Tracks the simulator's asynchronous work (lifecycle steps, webhook deliveries and retries,
// template reviews) so `flush()` can wait until everything pending has happened and `close()`
// can cancel what has not started yet.
export type TaskTracker = ReturnType<typeof createTaskTracker>;

export function createTaskTracker(onError: (error: unknown) => void) {
  const timers = new Set<NodeJS.Timeout>();
  let pending = 0;
  let closed = false;
  let waiters: Array<() => void> = [];

  const settle = () => {
    pending -= 1;
    if (pending === 0) {
      const ready = waiters;
      waiters = [];
      ready.forEach((resolve) => resolve());
    }
  };
  const run = (work: () => unknown) => {
    // The count drops only after the work (and anything it scheduled meanwhile) is registered.
    Promise.resolve().then(work).catch(onError).finally(settle);
  };

  return {
    /** Runs `work` after `delayMs` (0 = on a later turn of the event loop). */
    later(delayMs: number, work: () => unknown): void {
      if (closed) {
        return;
      }
      pending += 1;
      const timer = setTimeout(() => {
        timers.delete(timer);
        run(work);
      }, delayMs);
      timer.unref();
      timers.add(timer);
    },
    /** Counts an already running promise as pending work. */
    track(promise: Promise<unknown>): void {
      pending += 1;
      run(() => promise);
    },
    /** Resolves once nothing is pending (work that schedules more work is waited for too). */
    idle(): Promise<void> {
      return pending === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
    /** Cancels scheduled work and waits for what is already running. */
    async close(): Promise<void> {
      closed = true;
      for (const timer of timers) {
        clearTimeout(timer);
        settle();
      }
      timers.clear();
      await this.idle();
    },
    get isClosed() {
      return closed;
    },
  };
}
