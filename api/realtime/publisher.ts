// Publishing to a tenant's room. The API process publishes through its Socket.IO server (the
// Redis adapter fans out to the other API processes); a worker-only process publishes through
// Redis with the Socket.IO emitter. Without either, publishing is a no-op with a warning once.
// Each event is numbered and kept first (event-log.ts: Redis when there is one, else memory), then
// emitted as `(payload, { epoch, seq })`, so a client back from a drop can `resume`.
import type { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import { Emitter } from '@socket.io/redis-emitter';
import type { Logger } from '#lib/logger';
import { createMemoryEventLog, DEFAULT_EVENT_LOG_LIMITS, type EventLogLimits } from './event-log.ts';
import { createRedisEventLog } from './redis-event-log.ts';
import {
  tenantRoom,
  type LiveMeta,
  type RealtimeEvent,
  type RealtimeEventName,
  type ResumeAnswer,
  type ResumeInput,
} from './schemas.ts';

export type RealtimePublisher = {
  publish<N extends RealtimeEventName>(tenantId: string, event: N, payload: RealtimeEvent<N>): void;
  /** What a client that saw up to `position` has missed (the gateway's `resume`). */
  resume(tenantId: string, position: ResumeInput): Promise<ResumeAnswer>;
};

/** A publisher whose target is set later (the Socket.IO server exists only once HTTP listens). */
export function createRealtimePublisher(
  logger: Logger,
  redis?: Redis,
  limits: EventLogLimits = DEFAULT_EVENT_LOG_LIMITS,
) {
  let io: Server | null = null;
  const emitter = redis ? new Emitter(redis) : null;
  const log = redis ? createRedisEventLog(redis, limits) : createMemoryEventLog(limits);
  let warned = false;
  const emit = (tenantId: string, event: string, payload: object, meta: LiveMeta | null) => {
    const room = (io ?? emitter)?.to(tenantRoom(tenantId));
    if (meta) {
      room?.emit(event, payload, meta);
    } else {
      room?.emit(event, payload);
    }
  };
  const publisher: RealtimePublisher & { attach(server: Server): void } = {
    attach(server) {
      io = server;
    },
    publish(tenantId, event, payload) {
      if (!io && !emitter) {
        if (!warned) {
          warned = true;
          logger.warn('live updates are off in this process: no Socket.IO server here and no REDIS_URL');
        }
        return;
      }
      // Replies come back in the order the appends were sent, so emits keep the numbering's order.
      log.append(tenantId, event, payload).then(
        (meta) => emit(tenantId, event, payload, meta),
        (error: unknown) => {
          logger.warn({ err: error, event }, 'could not number a live update: sent without (no catch-up for it)');
          emit(tenantId, event, payload, null);
        },
      );
    },
    resume: (tenantId, position) => log.resume(tenantId, position),
  };
  return publisher;
}
