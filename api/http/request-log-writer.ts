// The request log (ApiRequestLog) is written off the request path: entries wait in memory and go
// to the database in one INSERT every FLUSH_MS or FLUSH_ROWS, whichever comes first, and once more
// when the platform stops. A database outage costs log rows (at most MAX_BUFFERED are kept), never
// a request.
import type { PrismaClient } from '#db/client';
import type { Logger } from '#lib/logger';

export type RequestLogEntry = {
  tenantId: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  actorLabel: string;
  method: string;
  route: string;
  path: string;
  status: number;
  latencyMs: number;
  ip: string | null;
  requestId: string | null;
  createdAt: Date;
};

export type RequestLogWriter = {
  record(entry: RequestLogEntry): void;
  /** Writes what is buffered now (tests call it instead of waiting for the timer). */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left. */
  stop(): Promise<void>;
};

const FLUSH_MS = 500;
const FLUSH_ROWS = 200;
const MAX_BUFFERED = 20_000;

export function createRequestLogWriter(prisma: PrismaClient, logger: Logger): RequestLogWriter {
  let buffer: RequestLogEntry[] = [];
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    // Batches are written one after another, so stop() waits for every row recorded before it.
    writing = writing.then(async () => {
      while (buffer.length > 0) {
        const batch = buffer.slice(0, FLUSH_ROWS * 5);
        buffer = buffer.slice(batch.length);
        try {
          await prisma.apiRequestLog.createMany({ data: batch });
        } catch (error) {
          logger.warn({ err: error, rows: batch.length }, 'could not write the API request log');
        }
      }
    });
    return writing;
  };

  const timer = setInterval(() => {
    if (buffer.length > 0) {
      void flush();
    }
  }, FLUSH_MS);
  timer.unref();

  return {
    record(entry) {
      if (buffer.length >= MAX_BUFFERED) {
        buffer.shift();
      }
      buffer.push(entry);
      if (buffer.length >= FLUSH_ROWS) {
        void flush();
      }
    },
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
