// The Meta simulator behind Sandbox channels: embedded on a loopback port by default (its state
// kept in the data folder so sandbox chats survive restarts), a standalone one at SANDBOX_URL, or
// none with SANDBOX_URL=off.
import path from 'node:path';
import { sandboxConnection, type SandboxConnection } from '#api/sandbox/sandbox-connection';
import type { Env } from '#lib/env';

export type RunningSandbox = { connection: SandboxConnection | null; stop: () => Promise<void> };

export async function startSandbox(env: Env): Promise<RunningSandbox> {
  if (env.SANDBOX_URL === 'off') {
    return { connection: null, stop: async () => undefined };
  }
  if (env.SANDBOX_URL) {
    return { connection: sandboxConnection(env.SANDBOX_URL), stop: async () => undefined };
  }
  const folder = path.resolve(env.PARLEY_DATA_DIR, 'sandbox');
  const { startMetaSimulator } = await import('#simulator/start-meta-simulator');
  const simulator = await startMetaSimulator({
    host: '127.0.0.1',
    port: 0,
    stateFile: path.join(folder, 'state.json'),
    mediaDir: path.join(folder, 'media'),
  });
  return { connection: sandboxConnection(simulator.url), stop: () => simulator.stop() };
}
