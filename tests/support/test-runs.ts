// Each `jest` run works in a folder of its own under the system temp folder. A run that was killed
// (Ctrl-C twice, a CI timeout) cannot tidy up, so the next run removes the folders of runs whose
// jest process is gone, after stopping the servers they left behind.
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  appendFileSync,
  chmodSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PREFIX = 'parley-test-';

export function createRunDir(): string {
  const runDir = mkdtempSync(path.join(tmpdir(), PREFIX));
  chmodSync(runDir, 0o755); // the embedded PostgreSQL runs as the `postgres` user when we are root
  writeFileSync(path.join(runDir, 'owner.pid'), String(process.pid));
  return runDir;
}

/** Remembers a server this run started, for the clean-up of a run that dies. */
export function recordChildPid(runDir: string, pid: number | undefined): void {
  if (pid) {
    appendFileSync(path.join(runDir, 'children.pid'), `${pid}\n`);
  }
}

export function removeRunDir(runDir: string): void {
  rmSync(runDir, { recursive: true, force: true });
}

export function removeStaleRuns(): number {
  let removed = 0;
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(PREFIX))) {
    const runDir = path.join(tmpdir(), name);
    const owner = Number(readText(path.join(runDir, 'owner.pid')));
    if (owner && isAlive(owner)) {
      continue;
    }
    const postmaster = Number(readText(path.join(runDir, 'postgres', 'postmaster.pid')).split('\n')[0]);
    const children = readText(path.join(runDir, 'children.pid')).split('\n').map(Number);
    for (const pid of [...children, postmaster].filter((p) => p > 0 && isAlive(p))) {
      process.kill(pid, 'SIGTERM');
    }
    removeRunDir(runDir);
    removed++;
  }
  return removed;
}

function readText(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
