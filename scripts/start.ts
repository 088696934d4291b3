// `npm start`: the whole platform on one command. External services are used when configured
// (DATABASE_URL, TEMPORAL_ADDRESS, REDIS_URL); otherwise an embedded PostgreSQL and the Temporal
// dev server start as children, with their data in PARLEY_DATA_DIR so the next start resumes.
// `npm run dev` (--dev) serves the web app from Vite with hot reload instead of the build.
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { PortInUseError } from '#api/serve';
import { migrateDatabase } from '#db/migrate';
import { loadEnv, publicUrl } from '#lib/env';
import { createLogger } from '#lib/logger';
import { startEmbeddedPostgres } from './lib/embedded-postgres.ts';
import { startPlatform } from './lib/platform.ts';
import { isPortFree } from './lib/ports.ts';
import { seedDemoTenant } from './lib/seed-demo.ts';
import { findOrBuildTemporalCli } from './lib/temporal-binary.ts';
import { startTemporalDevServer } from './lib/temporal-dev-server.ts';
import { buildWebIfStale, WEB_DIST_DIR } from './lib/web-build.ts';

const startedAt = Date.now();
const isDev = process.argv.includes('--dev');
const say = (line: string) => console.log(`[parley] ${line}`);
const stops: Array<() => Promise<void>> = [];

async function main(): Promise<void> {
  const env = loadEnv();
  const dataDir = path.resolve(env.PARLEY_DATA_DIR);
  const logDir = path.join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  await assertPortsFree(env);
  const logFile = pino.destination({ dest: path.join(logDir, 'parley.log'), mkdir: true });
  await once(logFile, 'ready'); // pino cannot flush a file that is not open yet if we exit early
  const logger = createLogger(
    env.LOG_LEVEL,
    pino.multistream([
      { level: env.LOG_LEVEL as pino.Level, stream: logFile },
      { level: 'warn', stream: process.stderr },
    ]),
  );

  const webBuild = isDev ? Promise.resolve() : buildWebIfStale(say);
  const [databaseUrl, temporalAddress, uiUrl] = await Promise.all([
    resolveDatabase(env, dataDir, logDir),
    ...(await resolveTemporal(env, dataDir, logDir)),
  ]);
  await migrateDatabase(databaseUrl);
  await webBuild;

  const platform = await startPlatform({
    env,
    logger,
    databaseUrl,
    temporalAddress,
    ...(isDev ? {} : { webDistDir: WEB_DIST_DIR }),
    runApi: env.PARLEY_PROCESSES !== 'worker',
    runWorker: env.PARLEY_PROCESSES !== 'api',
    onWorkerFailure: () => void shutdown(1),
  });
  stops.push(platform.stop);
  const appUrl = isDev ? await startViteDevServer(env.PORT) : publicUrl(env);
  const demo = env.SEED_DEMO && env.PARLEY_PROCESSES !== 'worker' ? await seedDemoTenant(platform.deps, dataDir) : null;

  say(`Ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  say(`  Web app       ${appUrl}`);
  say(`  API docs      ${publicUrl(env)}/api/docs`);
  say(`  Temporal UI   ${uiUrl ?? '(external Temporal: see its own UI)'}`);
  say(`  Logs          ${path.join(logDir, 'parley.log')}`);
  if (demo) {
    say(`  Demo login    ${demo.email} / ${demo.password ?? '(the password you set)'}`);
  }
  say('Press Ctrl-C to stop.');
}

async function resolveDatabase(env: ReturnType<typeof loadEnv>, dataDir: string, logDir: string): Promise<string> {
  if (env.DATABASE_URL) {
    return env.DATABASE_URL;
  }
  say(`Starting the embedded PostgreSQL on port ${env.EMBEDDED_PG_PORT} ...`);
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'postgres'),
    port: env.EMBEDDED_PG_PORT,
    logFile: path.join(logDir, 'postgres.log'),
  });
  stops.push(postgres.stop);
  return postgres.databaseUrl('parley');
}

async function resolveTemporal(
  env: ReturnType<typeof loadEnv>,
  dataDir: string,
  logDir: string,
): Promise<[Promise<string>, Promise<string | null>]> {
  if (env.TEMPORAL_ADDRESS) {
    return [Promise.resolve(env.TEMPORAL_ADDRESS), Promise.resolve(null)];
  }
  const running = (async () => {
    const binary = await findOrBuildTemporalCli({ explicitPath: env.TEMPORAL_CLI_PATH, log: say });
    say(`Starting the Temporal dev server on port ${env.TEMPORAL_DEV_PORT} ...`);
    const temporal = await startTemporalDevServer({
      binary,
      port: env.TEMPORAL_DEV_PORT,
      uiPort: env.TEMPORAL_UI_PORT,
      dbFile: path.join(dataDir, 'temporal.db'),
      logFile: path.join(logDir, 'temporal.log'),
      namespace: env.TEMPORAL_NAMESPACE,
    });
    stops.push(temporal.stop);
    return temporal;
  })();
  return [running.then((t) => t.address), running.then((t) => t.uiUrl)];
}

async function assertPortsFree(env: ReturnType<typeof loadEnv>): Promise<void> {
  const wanted: Array<[number, string]> = [[env.PORT, 'PORT, the web app and API']];
  if (isDev) {
    wanted.push([env.PORT + 1, 'the Vite dev server (PORT + 1)']);
  }
  if (!env.DATABASE_URL) {
    wanted.push([env.EMBEDDED_PG_PORT, 'EMBEDDED_PG_PORT, the embedded PostgreSQL']);
  }
  if (!env.TEMPORAL_ADDRESS) {
    wanted.push([env.TEMPORAL_DEV_PORT, 'TEMPORAL_DEV_PORT, the Temporal dev server']);
    wanted.push([env.TEMPORAL_UI_PORT, 'TEMPORAL_UI_PORT, the Temporal UI']);
  }
  for (const [port, what] of wanted) {
    if (!(await isPortFree(port))) {
      throw new PortInUseError(port, what);
    }
  }
}

async function startViteDevServer(apiPort: number): Promise<string> {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: path.resolve(import.meta.dirname, '..', 'web', 'vite.config.ts'),
    server: { port: apiPort + 1, strictPort: true, proxy: { '/api': `http://127.0.0.1:${apiPort}` } },
  });
  await vite.listen();
  stops.push(() => vite.close());
  return `http://localhost:${apiPort + 1}`;
}

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) {
    return;
  }
  stopping = true;
  say('Stopping ...');
  for (const stop of stops.reverse()) {
    await stop().catch((error: unknown) => console.error(error));
  }
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch(async (error: unknown) => {
  console.error(`[parley] ${error instanceof Error ? error.message : String(error)}`);
  if (!(error instanceof PortInUseError) && error instanceof Error && process.env.LOG_LEVEL === 'debug') {
    console.error(error.stack);
  }
  await shutdown(1);
});
