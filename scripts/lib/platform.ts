// Runs Parley itself in this process: the API (serving the built web app, with its Socket.IO
// gateway), one Temporal worker and the sandbox simulator, on the database and Temporal server
// it is given. `npm start`, docker-compose and the test suite use it.
import type { Server } from 'node:http';
import { Redis } from 'ioredis';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import type { ActivityDeps } from '#activities/deps';
import { createWorker } from '#activities/worker';
import { createApp } from '#api/app';
import type { AppDeps } from '#api/context';
import { startApiHousekeeping } from '#api/http/api-housekeeping';
import { createRateLimits } from '#api/http/rate-limits';
import { createRequestLogWriter } from '#api/http/request-log-writer';
import { startSnoozeSweep } from '#api/inbox/snooze-sweep';
import { createRealtimePublisher } from '#api/realtime/publisher';
import { attachSocketServer } from '#api/realtime/socket-server';
import { routingIdle } from '#api/routing/request-routing';
import { closeServer, listen } from '#api/serve';
import { createChannelSecretsCache } from '#api/webhooks/channel-secrets';
import { createDatabase } from '#db/client';
import type { Env } from '#lib/env';
import type { Logger } from '#lib/logger';
import { createMailer } from '#lib/mailer';
import { createMediaStore } from '#lib/media-store';
import { createSecretBox } from '#lib/secret-box';
import { resolveSecrets } from '#lib/secrets';
import { startSandbox } from './sandbox.ts';
import { syncSandboxNumbers } from './sync-sandbox-numbers.ts';

export type PlatformOptions = {
  env: Env;
  logger: Logger;
  databaseUrl: string;
  temporalAddress: string;
  webDistDir?: string;
  runApi?: boolean;
  runWorker?: boolean;
  /** A prebuilt workflow bundle (the test suite builds one per run). */
  workflowBundlePath?: string;
  /** Called if the worker stops on its own: without it, workflows would silently wait forever. */
  onWorkerFailure?: (error: unknown) => void;
};

export type Platform = { deps: AppDeps; url: string | null; stop: () => Promise<void> };

export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const { env, logger } = options;
  const stops: Array<() => Promise<void>> = [];
  const secrets = resolveSecrets(env);
  const secretBox = createSecretBox(secrets.encryptionKey);
  const { prisma, pool, close: closeDatabase } = createDatabase(options.databaseUrl);
  stops.push(closeDatabase);
  // Stops run in reverse: after the worker and the HTTP server, before the database closes.
  stops.push(routingIdle);
  const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 }) : undefined;
  stops.push(async () => redis?.disconnect());
  const runsWorker = options.runWorker ?? true;
  if (runsWorker) {
    installTemporalRuntime(logger); // before the first native connection
  }
  // With a worker here, the client shares its native connection: the server can then hand a
  // workflow this process starts straight to this worker (eager start, api/temporal-client.ts),
  // and client calls run in the SDK's native core instead of JavaScript gRPC on the main thread.
  const connection = runsWorker
    ? await NativeConnection.connect({ address: options.temporalAddress })
    : await Connection.connect({ address: options.temporalAddress });
  stops.push(() => connection.close());
  const temporal = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
  const sandbox = await startSandbox(env);
  stops.push(sandbox.stop);
  const realtime = createRealtimePublisher(logger, redis);
  const mediaStore = await createMediaStore(env);
  const shared = { env, logger, prisma, pool, secretBox, realtime, mediaStore, sandbox: sandbox.connection, temporal };
  const deps: AppDeps = {
    ...shared,
    rateLimits: createRateLimits(env, redis),
    requestLog: createRequestLogWriter(prisma, logger),
    jwtSecret: secrets.jwtSecret,
    mailer: createMailer({ prisma, logger, from: env.MAIL_FROM, ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}) }),
    channelSecrets: createChannelSecretsCache(prisma, secretBox),
    ...(options.webDistDir ? { webDistDir: options.webDistDir } : {}),
  };

  if (connection instanceof NativeConnection) {
    stops.push(await runWorker(options, connection, shared));
  }
  let server: Server | undefined;
  if (options.runApi ?? true) {
    server = await listen(createApp(deps), env.HOST, env.PORT);
    const sockets = attachSocketServer(server, deps);
    realtime.attach(sockets.io);
    const httpServer = server;
    // Stops run in reverse: the server closes first, then the request log writes what it holds.
    stops.push(deps.requestLog.stop);
    stops.push(async () => {
      await sockets.close();
      await closeServer(httpServer);
    });
    stops.push(startApiHousekeeping(deps));
    stops.push(startSnoozeSweep(deps));
    syncSandboxNumbers(deps).catch((error: unknown) =>
      logger.error({ err: error }, 'could not re-register sandbox numbers'),
    );
  }

  const address = server?.address();
  return {
    deps,
    url: address && typeof address === 'object' ? `http://127.0.0.1:${address.port}` : null,
    async stop() {
      for (const stop of stops.reverse()) {
        await stop();
      }
    },
  };
}

async function runWorker(
  options: PlatformOptions,
  connection: NativeConnection,
  deps: ActivityDeps,
): Promise<() => Promise<void>> {
  const worker = await createWorker({
    connection,
    namespace: options.env.TEMPORAL_NAMESPACE,
    taskQueue: options.env.TEMPORAL_TASK_QUEUE,
    deps,
    ...(options.workflowBundlePath ? { workflowBundle: { codePath: options.workflowBundlePath } } : {}),
  });
  const running = worker.run().catch((error: unknown) => {
    options.logger.fatal({ err: error }, 'the Temporal worker stopped');
    options.onWorkerFailure?.(error);
  });
  return async () => {
    if (worker.getState() === 'RUNNING') {
      worker.shutdown();
    }
    await running; // the connection closes with the client's, later
  };
}

/** Sends the Temporal SDK's own log lines (warnings and up) to our logger instead of stderr. */
function installTemporalRuntime(logger: Logger): void {
  if (Runtime._instance) {
    return; // one runtime per process: the first platform's logger keeps it
  }
  Runtime.install({
    logger: new DefaultLogger('WARN', ({ level, message, meta }) => {
      logger[level === 'ERROR' ? 'error' : 'warn']({ temporal: meta }, message);
    }),
  });
}
