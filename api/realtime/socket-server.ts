// The Socket.IO gateway: clients authenticate with the same access token (or API key) as the API
// and join their tenant's room. With REDIS_URL the Redis adapter lets N API processes share rooms.
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import type { AppDeps } from '../context.ts';
import { authenticate } from '../auth/authenticate.ts';
import { AppError } from '../errors.ts';
import { tenantRoom } from './schemas.ts';

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
        socket.data.principal = principal;
        return socket.join(tenantRoom(principal.tenantId));
      })
      .then(() => next())
      .catch((error: unknown) => next(new Error(error instanceof AppError ? error.code : 'UNAUTHENTICATED')));
  });
  return {
    io,
    close: async () => {
      await io.close();
      redisClients.forEach((client) => client.disconnect());
    },
  };
}
