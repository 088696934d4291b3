// Foundation figures: cold `npm start` to ready (fresh data folder, Temporal CLI cached), a warm
// restart, and sign-up-to-workspace-ready latency (the sign-up call returns once the provisioning
// workflow has finished). Prints its figures; docs/benchmarks.md records them.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { quantile } from './quantile.ts';
import { startStack } from './start-stack.ts';

const SIGNUPS = 20;

export async function benchFoundation(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-bench-'));
  chmodSync(dataDir, 0o755);
  try {
    const cold = await startStack(dataDir);
    try {
      const latencies = await measureSignUps(`http://127.0.0.1:${cold.port}`);
      console.log(
        `sign-up to workspace ready: n=${latencies.length} p50=${quantile(latencies, 0.5)} ms p95=${quantile(latencies, 0.95)} ms max=${quantile(latencies, 1)} ms`,
      );
    } finally {
      await cold.stop();
    }
    console.log(
      `cold npm start (fresh data folder, Temporal CLI cached, web build cached): ${cold.readyMs} ms to ready`,
    );
    const warm = await startStack(dataDir);
    await warm.stop();
    console.log(`warm npm start (existing data): ${warm.readyMs} ms to ready`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
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
