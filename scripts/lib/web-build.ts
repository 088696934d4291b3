// Builds the web app with Vite when its sources changed since the last build (a content hash
// of everything the bundle is made from is stored next to the output).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const WEB_DIST_DIR = path.join(ROOT, 'web', 'dist');
const SOURCES = ['web', 'api', 'flow-dsl', 'package.json'];
const STAMP = '.source-hash';

export async function buildWebIfStale(
  log: (line: string) => void,
  outDir = WEB_DIST_DIR,
  options: { force?: boolean } = {},
): Promise<void> {
  const hash = sourceHash();
  const stampFile = path.join(outDir, STAMP);
  if (!options.force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) {
    return;
  }
  log('Building the web app ...');
  const { build } = await import('vite');
  await build({
    configFile: path.join(ROOT, 'web', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  writeFileSync(stampFile, hash);
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((s) => listFiles(path.join(ROOT, s))).sort()) {
    hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex');
}

function listFiles(entry: string): string[] {
  if (!existsSync(entry)) {
    return [];
  }
  if (!statSync(entry).isDirectory()) {
    return [entry];
  }
  return readdirSync(entry)
    .filter((name) => name !== 'dist' && name !== 'node_modules')
    .flatMap((name) => listFiles(path.join(entry, name)));
}
