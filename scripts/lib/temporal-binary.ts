// Finds the Temporal CLI (which contains the dev server): TEMPORAL_CLI_PATH, then `temporal` on
// PATH, then our cached build, else builds the pinned version with `go install` from the Go
// module proxy (docs/dev-setup.md). The SDK's own download does not work offline.
import { execFile, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const MODULE = 'github.com/temporalio/cli/cmd/temporal';

export function cachedTemporalDir(): string {
  const cacheRoot = process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache');
  return path.join(cacheRoot, 'parley', `temporal-cli-${TEMPORAL_CLI_VERSION}`);
}

export async function findOrBuildTemporalCli(options: {
  explicitPath?: string;
  log: (line: string) => void;
}): Promise<string> {
  if (options.explicitPath) {
    if (!isExecutable(options.explicitPath)) {
      throw new Error(`TEMPORAL_CLI_PATH=${options.explicitPath} is not an executable file`);
    }
    return options.explicitPath;
  }
  const onPath = await which('temporal');
  if (onPath) {
    return onPath;
  }
  const cached = path.join(cachedTemporalDir(), 'temporal');
  if (isExecutable(cached)) {
    return cached;
  }
  const go = await which('go');
  if (!go) {
    throw new Error(
      'The Temporal dev server is needed but no `temporal` binary was found and Go is not installed to build one.\n' +
        'Either install the Temporal CLI (https://docs.temporal.io/cli) and set TEMPORAL_CLI_PATH, install Go >= 1.25, ' +
        'or point TEMPORAL_ADDRESS at a running Temporal server.',
    );
  }
  options.log(
    `Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go (first run only, a few minutes) into ${path.dirname(cached)} ...`,
  );
  await goInstall(go, path.dirname(cached));
  if (!isExecutable(cached)) {
    throw new Error(`go install finished but ${cached} is missing`);
  }
  options.log('Temporal CLI built.');
  return cached;
}

function goInstall(go: string, binDir: string): Promise<void> {
  mkdirSync(binDir, { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(go, ['install', `${MODULE}@${TEMPORAL_CLI_VERSION}`], {
      env: { ...process.env, GOBIN: binDir, CGO_ENABLED: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`go install ${MODULE}@${TEMPORAL_CLI_VERSION} failed:\n${output.slice(-4000)}`)),
    );
  });
}

async function which(command: string): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)('sh', ['-c', `command -v ${command}`]);
    const found = stdout.trim();
    return found && existsSync(found) ? found : null;
  } catch {
    return null;
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
