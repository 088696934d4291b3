// A Redis of the test's own, on a free port, from the redis-server binary (Debian's redis-server).
import { spawn } from 'node:child_process';
import { freePort, waitForPort } from '../../scripts/lib/ports.ts';

export async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const failed = new Promise<never>((_resolve, reject) =>
    child.once('error', () => reject(new Error('redis-server is not installed (apt-get install redis-server)'))),
  );
  await Promise.race([waitForPort(port, 10_000), failed]);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
