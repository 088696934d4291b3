// The whole platform for one test file, in-process: API on a random port, a Temporal worker on
// its own task queue, a database of its own. Nothing is mocked.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import type { AppDeps } from '#api/context';
import type { PrismaClient } from '#db/client';
import { loadEnv } from '#lib/env';
import { createLogger } from '#lib/logger';
import { generateEncryptionKey } from '#lib/secret-box';
import { startPlatform } from '../../scripts/lib/platform.ts';
import { freePort } from '../../scripts/lib/ports.ts';
import { createHttpClient, type HttpClient } from './http-client.ts';
import { createTestDatabase } from './test-database.ts';
import { testInfrastructure } from './test-env.ts';

export type TestApp = {
  url: string;
  http: HttpClient;
  deps: AppDeps;
  prisma: PrismaClient;
  databaseUrl: string;
  stop: () => Promise<void>;
};

export type TestAppOptions = {
  webDistDir?: string;
  /** Share another test app's database (a second API process); it stays owned by that app. */
  databaseUrl?: string;
};

export async function startTestApp(
  envOverrides: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const infra = testInfrastructure();
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  const env = loadEnv({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    // A real port: the sandbox simulator posts webhooks back to http://127.0.0.1:PORT.
    PORT: String(await freePort()),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    ENCRYPTION_KEY: generateEncryptionKey(),
    TEMPORAL_TASK_QUEUE: `test-${randomBytes(4).toString('hex')}`,
    PARLEY_DATA_DIR: mkdtempSync(path.join(infra.runDir, 'app-')),
    ...envOverrides,
  });
  const platform = await startPlatform({
    env,
    logger: createLogger(env.LOG_LEVEL),
    databaseUrl: database.url,
    temporalAddress: infra.temporalAddress,
    workflowBundlePath: infra.workflowBundlePath,
    ...(options.webDistDir ? { webDistDir: options.webDistDir } : {}),
  });
  const url = platform.url ?? '';
  return {
    url,
    http: createHttpClient(url),
    deps: platform.deps,
    prisma: platform.deps.prisma,
    databaseUrl: database.url,
    async stop() {
      await platform.stop();
      await database.drop();
    },
  };
}
