// `npm start` as a new user runs it: everything on embedded defaults, a demo login, Ctrl-C stops
// every child, and the next start resumes with all data (database rows and Temporal history).
import { spawn, type ChildProcess } from 'node:child_process';
import { testInfrastructure } from '../support/test-env.ts';
import { mkdtempSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Connection, Client } from '@temporalio/client';
import { freePort, isPortFree } from '../../scripts/lib/ports.ts';
import { createHttpClient } from '../support/http-client.ts';
import { eventually } from '../support/eventually.ts';

const ROOT = path.resolve(__dirname, '..', '..');
jest.setTimeout(300_000);

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, DATABASE_URL: '', TEMPORAL_ADDRESS: '', REDIS_URL: '', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(started: Started, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = started.output().match(pattern);
    if (match) {
      return match;
    }
    if (started.child.exitCode !== null) {
      throw new Error(`npm start exited (${started.child.exitCode}):\n${started.output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${pattern}:\n${started.output()}`);
}

async function stop(started: Started): Promise<number | null> {
  started.child.kill('SIGINT');
  return started.exited;
}

it('[start] runs the platform on embedded defaults, stops cleanly and resumes with all data', async () => {
  const dataDir = mkdtempSync(path.join(testInfrastructure().runDir, 'parley-start-'));
  chmodSync(dataDir, 0o755);
  const ports = {
    PORT: await freePort(),
    EMBEDDED_PG_PORT: await freePort(),
    TEMPORAL_DEV_PORT: await freePort(),
    TEMPORAL_UI_PORT: await freePort(),
  };
  const env = {
    PARLEY_DATA_DIR: dataDir,
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
  };
  const http = createHttpClient(`http://127.0.0.1:${ports.PORT}`);

  const first = start(env);
  await waitFor(first, /Ready in/, 240_000);
  const [, email, password] = (await waitFor(first, /Demo login\s+(\S+) \/ (\S+)/, 5_000)) as unknown as [
    string,
    string,
    string,
  ];
  expect(first.output()).toContain(`http://localhost:${ports.PORT}/api/docs`);
  expect(first.output()).toContain(`Temporal UI   http://localhost:${ports.TEMPORAL_UI_PORT}`);
  expect((await http.get('/api/health')).body).toEqual({ status: 'ok' });
  expect(await (await fetch(`http://127.0.0.1:${ports.PORT}/settings/api-keys`)).text()).toContain('<div id="root">');
  const demo = await http.post('/api/auth/login', { email, password });
  expect(demo.body.tenant.name).toBe('Demo Workspace');
  // The demo's chatbot is live: a customer on the Sandbox phone says hi and it answers.
  const token = demo.body.accessToken;
  const customer = await http.post('/api/sandbox/customers', { name: 'Demo Customer' }, { token });
  await http.post(
    `/api/sandbox/customers/${customer.body.waId}/messages`,
    { type: 'text', text: { body: 'hi' } },
    { token },
  );
  await eventually(async () => {
    const thread = await http.get(`/api/sandbox/customers/${customer.body.waId}/messages`, { token });
    return thread.body.data.some(
      (m: { from: string; type: string }) => m.from === 'business' && m.type === 'interactive',
    );
  }, 'the demo bot to show its menu');
  const signUp = await http.post('/api/auth/signup', {
    name: 'Kept',
    email: 'kept@example.com',
    password: 'kept password 123',
    workspaceName: 'Kept Co',
  });
  expect(signUp.status).toBe(201);

  expect(await stop(first)).toBe(0);
  for (const port of Object.values(ports)) {
    expect(await isPortFree(port)).toBe(true);
  }

  const second = start(env);
  await waitFor(second, /Ready in/, 120_000);
  expect(second.output()).toContain(`Demo login    ${email} / ${password}`);
  const kept = await http.post('/api/auth/login', { email: 'kept@example.com', password: 'kept password 123' });
  expect(kept.body.tenant.name).toBe('Kept Co');
  const connection = await Connection.connect({ address: `127.0.0.1:${ports.TEMPORAL_DEV_PORT}` });
  const history = await new Client({ connection }).workflow
    .getHandle(`tenant-provisioning-${kept.body.tenant.id}`)
    .describe();
  expect(history.status.name).toBe('COMPLETED');
  await connection.close();
  expect(await stop(second)).toBe(0);
});

it('[start] a port already in use gets a clear message, not a stack trace', async () => {
  const blocker = createServer();
  const port = await freePort();
  await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
  try {
    const started = start({
      PORT: String(port),
      PARLEY_DATA_DIR: mkdtempSync(path.join(testInfrastructure().runDir, 'parley-port-')),
    });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain(`Port ${port} (PORT, the web app and API) is already in use`);
    expect(started.output()).not.toMatch(/\n\s+at /);
  } finally {
    blocker.close();
  }
});
