// Brings a PostgreSQL database to the current schema: creates the database when missing, the
// restricted role that row-level security relies on, then applies prisma/migrations in order.
//
// Why not `prisma migrate deploy`: offline it runs the WebAssembly schema engine through the pg
// adapter, which splits scripts on every semicolon outside any transaction and then keeps the
// CLI alive for 10 s on an engine timer (docs/dev-setup.md). This runner applies each migration
// in one transaction and records it in Prisma's own `_prisma_migrations` table with Prisma's
// checksum, so `prisma migrate status` and `prisma migrate deploy` keep working on the same database.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 748_201_117; // any constant shared by every Parley migrator

export type MigrationResult = { applied: string[] };

export async function migrateDatabase(databaseUrl: string): Promise<MigrationResult> {
  await ensureDatabaseExists(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await ensureTenantRole(client);
    await ensureMigrationsTable(client);
    const done = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const appliedBefore = new Set(done.rows.map((r) => r.migration_name));
    const applied: string[] = [];
    for (const name of await listMigrations()) {
      if (!appliedBefore.has(name)) {
        await applyMigration(client, name);
        applied.push(name);
      }
    }
    return { applied };
  } finally {
    await client.end();
  }
}

export async function listMigrations(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export async function ensureDatabaseExists(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    }
  } catch (error) {
    // A concurrent starter may have created it between the check and the create.
    if ((error as { code?: string }).code !== '42P04') {
      throw error;
    }
  } finally {
    await client.end();
  }
}

async function applyMigration(client: pg.Client, name: string): Promise<void> {
  const script = await readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8');
  const checksum = createHash('sha256').update(script).digest('hex');
  try {
    await client.query('BEGIN');
    await client.query(script);
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), checksum, name],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new Error(`Migration ${name} failed and was rolled back: ${(error as Error).message}`, { cause: error });
  }
}

async function ensureMigrationsTable(client: pg.Client): Promise<void> {
  await client.query(`
    CREATE TABLE IF NOT EXISTS _prisma_migrations (
      id VARCHAR(36) PRIMARY KEY NOT NULL,
      checksum VARCHAR(64) NOT NULL,
      finished_at TIMESTAMPTZ,
      migration_name VARCHAR(255) NOT NULL,
      logs TEXT,
      rolled_back_at TIMESTAMPTZ,
      started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
      applied_steps_count INTEGER NOT NULL DEFAULT 0
    )`);
}

async function ensureTenantRole(client: pg.Client): Promise<void> {
  // Roles are cluster-wide: databases on one server share it.
  await client.query(`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'parley_tenant') THEN
        CREATE ROLE parley_tenant NOLOGIN;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END
    $$`);
  await client.query('GRANT parley_tenant TO CURRENT_USER');
}
