// Publishing to a tenant's room. The API process publishes through its Socket.IO server (the
// Redis adapter fans out to the other API processes); a worker-only process publishes through
// Redis with the Socket.IO emitter. Without either, publishing is a no-op with a warning once.
import type { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import { Emitter } from '@socket.io/redis-emitter';
import type { Logger } from '#lib/logger';
import { tenantRoom, type RealtimeEvent, type RealtimeEventName } from './schemas.ts';

export type RealtimePublisher = {
  publish<N extends RealtimeEventName>(tenantId: string, event: N, payload: RealtimeEvent<N>): void;
};

/** A publisher whose target is set later (the Socket.IO server exists only once HTTP listens). */
export function createRealtimePublisher(logger: Logger, redis?: Redis) {
  let io: Server | null = null;
  const emitter = redis ? new Emitter(redis) : null;
  let warned = false;
  const publisher: RealtimePublisher & { attach(server: Server): void } = {
    attach(server) {
      io = server;
    },
    publish(tenantId, event, payload) {
      const target = io ?? emitter;
      if (!target) {
        if (!warned) {
          warned = true;
          logger.warn('live updates are off in this process: no Socket.IO server here and no REDIS_URL');
        }
        return;
      }
      target.to(tenantRoom(tenantId)).emit(event, payload);
    },
  };
  return publisher;
}
