// Runs Parley itself in this process: the API (serving the built web app) and one Temporal
// worker, on the database and Temporal server it is given. `npm start` and docker-compose use it.
import type { Server } from 'node:http';
import { Redis } from 'ioredis';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import type { Client } from '@temporalio/client';

import { createWorker } from '#activities/worker';
import { createApp } from '#api/app';
import type { AppDeps } from '#api/context';
import { createRateLimits } from '#api/http/rate-limits';
import { closeServer, listen } from '#api/serve';
import { connectTemporalClient } from '#api/temporal-client';
import { createPrismaClient } from '#db/client';
import type { Env } from '#lib/env';
import type { Logger } from '#lib/logger';
import { createMailer } from '#lib/mailer';
import { createSecretBox } from '#lib/secret-box';
import { resolveSecrets } from '#lib/secrets';

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
  const secrets = resolveSecrets(env);
  const prisma = createPrismaClient(options.databaseUrl);
  const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false }) : undefined;
  const temporal: Client = await connectTemporalClient(options.temporalAddress, env.TEMPORAL_NAMESPACE);
  const deps: AppDeps = {
    env,
    logger,
    prisma,
    temporal,
    rateLimits: createRateLimits(env, redis),
    secretBox: createSecretBox(secrets.encryptionKey),
    jwtSecret: secrets.jwtSecret,
    mailer: createMailer({ prisma, logger, from: env.MAIL_FROM, ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}) }),
    ...(options.webDistDir ? { webDistDir: options.webDistDir } : {}),
  };

  let worker: Worker | undefined;
  let workerRun: Promise<void> | undefined;
  let closeWorkerConnection: (() => Promise<void>) | undefined;
  if (options.runWorker ?? true) {
    installTemporalRuntime(logger);
    const created = await createWorker({
      address: options.temporalAddress,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      deps: { prisma },
      ...(options.workflowBundlePath ? { workflowBundle: { codePath: options.workflowBundlePath } } : {}),
    });
    worker = created.worker;
    closeWorkerConnection = () => created.connection.close();
    workerRun = worker.run();
    workerRun.catch((error: unknown) => {
      logger.fatal({ err: error }, 'the Temporal worker stopped');
      options.onWorkerFailure?.(error);
    });
  }
  let server: Server | undefined;
  if (options.runApi ?? true) {
    server = await listen(createApp(deps), env.HOST, env.PORT);
  }

  const address = server?.address();
  return {
    deps,
    url: address && typeof address === 'object' ? `http://127.0.0.1:${address.port}` : null,
    async stop() {
      if (server) {
        await closeServer(server);
      }
      if (worker && worker.getState() === 'RUNNING') {
        worker.shutdown();
      }
      await workerRun?.catch(() => undefined);
      await closeWorkerConnection?.();
      await temporal.connection.close();
      await prisma.$disconnect();
      redis?.disconnect();
    },
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
