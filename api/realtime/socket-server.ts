// The Socket.IO gateway: clients authenticate with the same access token (or API key, within its
// IP allow-list) as the API and join their tenant's room. With REDIS_URL the Redis adapter lets N
// API processes share rooms. A client asks `resume` (with an acknowledgement) for the events it
// missed while disconnected.
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import type { AppDeps } from '../context.ts';
import { authenticate } from '../auth/authenticate.ts';
import { AppError } from '../errors.ts';
import { assertIpAllowed, clientIpOf } from '../http/ip-allow-list.ts';
import { RESUME_EVENT, resumeInputSchema, tenantRoom, type ResumeAnswer } from './schemas.ts';

export function attachSocketServer(httpServer: HttpServer, deps: AppDeps): { io: Server; close: () => Promise<void> } {
  const io = new Server(httpServer, { path: '/socket.io', serveClient: false });
  const redisClients = deps.env.REDIS_URL ? [new Redis(deps.env.REDIS_URL), new Redis(deps.env.REDIS_URL)] : [];
  if (redisClients.length === 2) {
    io.adapter(createAdapter(redisClients[0]!, redisClients[1]!));
  }
  io.use((socket, next) => {
    const token = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined;
    authenticate({ authorization: token ? `Bearer ${token}` : undefined }, deps)
      .then((principal) => {
        if (principal.kind === 'user' && principal.mfaEnrollmentRequired) {
          throw new AppError('MFA_ENROLLMENT_REQUIRED', 'Set up two-factor authentication first');
        }
        if (principal.kind === 'apiKey') {
          // The key's allow-list holds here as on every request: live updates carry messages.
          assertIpAllowed(principal, clientIpOf(socket.request, deps.env.TRUST_PROXY));
        }
        socket.data.principal = principal;
        socket.data.tenantId = principal.tenantId;
        return socket.join(tenantRoom(principal.tenantId));
      })
      .then(() => next())
      .catch((error: unknown) => next(new Error(error instanceof AppError ? error.code : 'UNAUTHENTICATED')));
  });
  io.on('connection', (socket) => {
    socket.on(RESUME_EVENT, (input: unknown, ack: unknown) => resume(socket, deps, input, ack));
  });
  return {
    io,
    close: async () => {
      await io.close();
      redisClients.forEach((client) => client.disconnect());
    },
  };
}

function resume(socket: Socket, deps: AppDeps, input: unknown, ack: unknown): void {
  if (typeof ack !== 'function') {
    return;
  }
  const answer = (value: ResumeAnswer) => ack(value);
  const position = resumeInputSchema.safeParse(input);
  if (!position.success) {
    answer({ status: 'error', message: 'resume takes { epoch, seq } (both null on a first connection)' });
    return;
  }
  deps.realtime.resume(String(socket.data.tenantId), position.data).then(answer, (error: unknown) => {
    deps.logger.warn({ err: error }, 'could not replay live updates to a reconnected client');
    answer({ status: 'error', message: 'Live updates could not be replayed: refetch instead' });
  });
}
