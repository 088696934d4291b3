// Headless Chromium (Debian's, installed by the test setup) driven by playwright-core, plus a
// production build of the web app for the API under test to serve.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.ts';
import { testInfrastructure } from './test-env.ts';

const ROOT = path.resolve(__dirname, '..', '..');

export async function launchBrowser(): Promise<Browser> {
  const executablePath = testInfrastructure().chromiumPath;
  if (!executablePath) {
    throw new Error('Chromium is not installed: run `apt-get install chromium` or set CHROMIUM_PATH');
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Builds the web app into a folder of this test run (so parallel suites never share web/dist). */
export async function buildWebApp(): Promise<string> {
  const outDir = mkdtempSync(path.join(testInfrastructure().runDir, 'web-'));
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  await promisify(execFile)(
    process.execPath,
    [vite, 'build', '--config', 'web/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: ROOT,
    },
  );
  return outDir;
}
