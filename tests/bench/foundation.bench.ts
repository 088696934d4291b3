// Foundation figures: cold `npm start` to ready (fresh data folder, Temporal CLI cached), a warm
// restart, and sign-up-to-workspace-ready latency (the sign-up call returns once the provisioning
// workflow has finished). Prints its figures; docs/benchmarks.md records them.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/lib/ports.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SIGNUPS = 20;

export async function benchFoundation(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-bench-'));
  chmodSync(dataDir, 0o755);
  const env: Record<string, string> = {
    PARLEY_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    EMBEDDED_PG_PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_UI_PORT: String(await freePort()),
  };
  try {
    const cold = await startAndMeasure(env, async () => {
      const latencies = await measureSignUps(`http://127.0.0.1:${env.PORT}`);
      report('sign-up to workspace ready', latencies);
    });
    console.log(`cold npm start (fresh data folder, Temporal CLI cached, web build cached): ${cold} ms to ready`);
    const warm = await startAndMeasure(env, async () => undefined);
    console.log(`warm npm start (existing data): ${warm} ms to ready`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function startAndMeasure(env: Record<string, string>, whileRunning: () => Promise<void>): Promise<number> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, DATABASE_URL: '', TEMPORAL_ADDRESS: '', REDIS_URL: '' },
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
  await whileRunning();
  child.kill('SIGINT');
  await exited;
  return readyMs;
}

async function measureSignUps(baseUrl: string): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < SIGNUPS; i++) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Bench',
        email: `bench-${i}-${Date.now()}@example.com`,
        password: 'bench password 123',
        workspaceName: `Bench ${i}`,
      }),
    });
    if (response.status !== 201) {
      throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
    }
    latencies.push(performance.now() - started);
  }
  return latencies;
}

function report(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0);
  console.log(`${label}: n=${sorted.length} p50=${at(0.5)} ms p95=${at(0.95)} ms max=${at(1)} ms`);
}
