// Runs the Prisma CLI offline: the placeholder engine variables stop it from downloading native
// engines, and prisma.config.ts selects the WebAssembly schema engine (docs/dev-setup.md).
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

/** SQL from `fromArgs` to prisma/schema.prisma. The schema engine connects to DATABASE_URL (any reachable server). */
export async function prismaDiff(fromArgs: string[], databaseUrl = process.env.DATABASE_URL): Promise<string> {
  if (!databaseUrl) {
    throw new Error(
      "Set DATABASE_URL to any reachable PostgreSQL: Prisma's schema engine connects to it even to diff schemas.",
    );
  }
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [cli, 'migrate', 'diff', ...fromArgs, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
        PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
      },
      maxBuffer: 20 * 1024 * 1024,
    },
  );
  return stdout;
}
