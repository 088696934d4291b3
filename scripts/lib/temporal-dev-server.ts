// Runs `temporal server start-dev` as a child process and waits until it accepts connections.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { waitForPort } from './ports.ts';

export type RunningTemporal = {
  address: string;
  uiUrl: string | null;
  pid: number | undefined;
  stop: () => Promise<void>;
};

export async function startTemporalDevServer(options: {
  binary: string;
  port: number;
  uiPort?: number;
  dbFile?: string;
  logFile: string;
  namespace?: string;
}): Promise<RunningTemporal> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'warn'];
  args.push('--namespace', options.namespace ?? 'default');
  args.push(...(options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless']));
  if (options.dbFile) {
    // SQLite's default rollback journal syncs the file several times per transaction, and the dev
    // server funnels every workflow task through one connection: that, not CPU, capped how many
    // chat replies a second it could take (docs/benchmarks.md). The write-ahead log with NORMAL
    // sync survives a crash of the process; only a power cut can lose the last transactions.
    args.push('--db-filename', options.dbFile, '--sqlite-pragma', 'journal_mode=wal');
    args.push('--sqlite-pragma', 'synchronous=normal');
  }
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(options.binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<never>((_resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`The Temporal dev server exited (code ${code}): see ${options.logFile}`)),
    );
  });
  exited.catch(() => undefined);
  await Promise.race([waitForPort(options.port, 60_000), exited]);
  return {
    address: `127.0.0.1:${options.port}`,
    uiUrl: options.uiPort ? `http://localhost:${options.uiPort}` : null,
    pid: child.pid,
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
