// Periodic cleanup of the API's own records: expired idempotency keys (kept 24 h) and request-log
// rows past their retention. Runs in each API process; the deletes are idempotent, so two
// processes sweeping at once only share the work. Old log rows go in batches so one sweep never
// holds a long lock on the table.
import type { PrismaClient } from '#db/client';
import type { Logger } from '#lib/logger';
import { deleteExpiredIdempotencyKeys } from './idempotency.ts';

export const REQUEST_LOG_RETENTION_DAYS = 30;
export const API_HOUSEKEEPING_INTERVAL_MS = 10 * 60_000;
const BATCH = 5000;

export type HousekeepingDeps = { prisma: PrismaClient; logger: Logger };

/** One sweep at `now`: returns how many keys and log rows were deleted. */
export async function sweepApiRecords(
  deps: HousekeepingDeps,
  now = new Date(),
): Promise<{ idempotencyKeys: number; requestLogs: number }> {
  const idempotencyKeys = await deleteExpiredIdempotencyKeys(deps.prisma, now);
  const cutoff = new Date(now.getTime() - REQUEST_LOG_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  let requestLogs = 0;
  for (;;) {
    const deleted = await deps.prisma.$executeRaw`
      DELETE FROM "ApiRequestLog" WHERE id IN (
        SELECT id FROM "ApiRequestLog" WHERE "createdAt" < ${cutoff} LIMIT ${BATCH}
      )`;
    requestLogs += deleted;
    if (deleted < BATCH) {
      return { idempotencyKeys, requestLogs };
    }
  }
}

/** Sweeps every interval until the returned stop is called. */
export function startApiHousekeeping(
  deps: HousekeepingDeps,
  intervalMs = API_HOUSEKEEPING_INTERVAL_MS,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = sweepApiRecords(deps).catch((error: unknown) =>
      deps.logger.warn({ err: error }, 'could not clean up idempotency keys and the request log'),
    );
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
