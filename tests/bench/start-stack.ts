// Starts `npm start` (scripts/start.ts) on free ports with a fresh data folder, for benchmarks.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort, isPortFree } from '../../scripts/lib/ports.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const EMBEDDED_PASSWORD = 'parley-local';

export type Stack = {
  port: number;
  databaseUrl: string;
  readyMs: number;
  /** The Parley process (API and worker), for CPU and memory figures. */
  pid: number;
  stop: () => Promise<void>;
};

/**
 * `apiOnly`: start with `--dev`, whose web app Vite serves on demand, instead of building it first:
 * for benchmarks that never open the web app, so they neither wait for a build nor fail on
 * someone's half-written page.
 */
export async function startStack(
  dataDir: string,
  extraEnv: Record<string, string> = {},
  options: { apiOnly?: boolean } = {},
): Promise<Stack> {
  const ports = {
    PORT: await freePortPair(),
    EMBEDDED_PG_PORT: await freePort(),
    TEMPORAL_DEV_PORT: await freePort(),
    TEMPORAL_UI_PORT: await freePort(),
  };
  const started = Date.now();
  const nodeArgs = process.env.STACK_NODE_ARGS ? process.env.STACK_NODE_ARGS.split(' ') : []; // e.g. --cpu-prof to profile the stack
  const startArgs = ['scripts/start.ts', ...(options.apiOnly ? ['--dev'] : [])];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...startArgs], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
      PARLEY_DATA_DIR: dataDir,
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const readyMs = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Press Ctrl-C')) {
        resolve(Date.now() - started);
      }
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}`)));
  });
  return {
    port: ports.PORT,
    databaseUrl: `postgresql://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${ports.EMBEDDED_PG_PORT}/parley`,
    readyMs,
    pid: child.pid!,
    async stop() {
      child.kill('SIGINT');
      await exited;
    },
  };
}

/** A free port whose next one is free too: `--dev` serves the web app's Vite on PORT + 1. */
async function freePortPair(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (await isPortFree(port + 1)) {
      return port;
    }
  }
}
