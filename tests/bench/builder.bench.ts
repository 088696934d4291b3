// `npm run bench:builder`: opens generated 100- and 500-node flows in the builder in headless
// Chromium on `npm start`'s stack and reports time to first render (navigation to the first node
// card painted), time to interactive (a click on a card selects it), and frame
// times while dragging a node across the canvas (requestAnimationFrame intervals in the page).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../support/chromium.ts';
import { generatedFlow } from './generated-flow.ts';
import { quantile } from './quantile.ts';
import { startStack } from './start-stack.ts';

const SIZES = (process.env.BENCH_BUILDER_SIZES ?? '100,500').split(',').map(Number);
const RUNS = Number(process.env.BENCH_BUILDER_RUNS ?? 3);

export async function benchBuilder(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-builder-'));
  chmodSync(dataDir, 0o755);
  const stack = await startStack(dataDir, { SANDBOX_URL: 'off', SEED_DEMO: 'false' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const base = `http://127.0.0.1:${stack.port}`;
    const account = await signUp(base);
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(page, base, account);
    for (const size of SIZES) {
      const flowId = await importFlow(base, account.token, size);
      const runs = [];
      for (let run = 0; run < RUNS; run++) {
        runs.push(await openAndDrag(page, `${base}/flows/${flowId}`));
      }
      const first = runs.map((r) => r.firstRenderMs);
      const interactive = runs.map((r) => r.interactiveMs);
      const frames = runs.flatMap((r) => r.frameMs);
      console.log(
        `${size} nodes (${RUNS} loads; ${runs[0]!.rendered} cards on screen, the rest rendered as they scroll in):`,
      );
      console.log(`  first render: median ${quantile(first, 0.5)} ms (runs: ${first.join(', ')} ms)`);
      console.log(`  interactive: median ${quantile(interactive, 0.5)} ms (runs: ${interactive.join(', ')} ms)`);
      console.log(
        `  frame time while dragging: p50 ${quantile(frames, 0.5)} ms, p95 ${quantile(frames, 0.95)} ms, max ${Math.max(...frames)} ms (${frames.length} frames)`,
      );
    }
  } finally {
    await browser.close();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function openAndDrag(page: Page, url: string) {
  await page.goto('about:blank');
  const started = Date.now();
  await page.goto(url);
  await page.locator('[data-testid="flow-node"]').first().waitFor({ state: 'visible', timeout: 60_000 });
  const firstRenderMs = Date.now() - started;
  // Interactive: a click on a card selects it (the main thread is free to answer).
  await page.locator('[data-node-id="n2"]').click();
  await page.locator('[data-node-id="n2"].is-selected').waitFor();
  const interactiveMs = Date.now() - started;
  const rendered = await page.locator('[data-testid="flow-node"]').count();
  const frameMs = await dragNode(page, 'n2');
  return { firstRenderMs, interactiveMs, frameMs, rendered };
}

/** Drags a node 300 px in 60 mouse moves while the page records its frame intervals. */
async function dragNode(page: Page, nodeId: string): Promise<number[]> {
  const box = (await page.locator(`[data-node-id="${nodeId}"] .fb-node-header`).boundingBox())!;
  // Strings, not functions: tsx would wrap named functions in a helper the page does not have.
  await page.evaluate(`(() => {
    window.frameLog = [];
    window.recording = true;
    let last = performance.now();
    const tick = (now) => {
      window.frameLog.push(now - last);
      last = now;
      if (window.recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(box.x + 20, box.y + 10);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) {
    await page.mouse.move(box.x + 20 + i * 5, box.y + 10 + i * 2);
  }
  await page.mouse.up();
  return page.evaluate<number[]>(`(() => {
    window.recording = false;
    return window.frameLog.slice(1).map((ms) => Math.round(ms * 10) / 10);
  })()`);
}

async function signUp(base: string) {
  const email = `builder-${Date.now()}@example.com`;
  const password = 'bench password 123';
  const response = await fetch(`${base}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench', email, password, workspaceName: 'Builder bench' }),
  });
  const body = (await response.json()) as { accessToken: string };
  return { email, password, token: body.accessToken };
}

async function signIn(page: Page, base: string, account: { email: string; password: string }) {
  await page.goto(`${base}/login`);
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}

async function importFlow(base: string, token: string, size: number): Promise<string> {
  const response = await fetch(`${base}/api/flows/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ document: generatedFlow(size) }),
  });
  const body = (await response.json()) as { id: string };
  if (!response.ok) {
    throw new Error(`import answered ${response.status}: ${JSON.stringify(body)}`);
  }
  return body.id;
}
