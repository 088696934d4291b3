// Debian's Chromium for the browser tests, installed with apt when missing (Playwright's own
// browser download does not work on these machines).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Headless flags for this closed network: without the background-networking ones Chromium keeps
 * dialling out. The fake media ones give getUserMedia a synthetic microphone (a beep) without a
 * permission prompt, for voice notes; pages that never ask for it are unaffected.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function ensureChromium(log: (line: string) => void): string | null {
  const found = CANDIDATES.find((c): c is string => Boolean(c && existsSync(c)));
  if (found) {
    return found;
  }
  if (process.getuid?.() !== 0) {
    log(
      'Chromium is missing and this user cannot install it: browser tests will fail (apt-get install chromium, or set CHROMIUM_PATH)',
    );
    return null;
  }
  log('Installing Chromium for the browser tests (apt-get install chromium) ...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env, stdio: 'ignore' });
  } catch {
    execFileSync('apt-get', ['update'], { env, stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env, stdio: 'ignore' });
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
}
