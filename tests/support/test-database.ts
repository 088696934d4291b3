// A database of its own for one test file: a clone of the migrated template (fast: a file copy
// inside PostgreSQL), dropped when the file is done. Test files never share rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { testInfrastructure } from './test-env.ts';

export type TestDatabase = { url: string; drop: () => Promise<void> };

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = new URL(testInfrastructure().templateDatabaseUrl);
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  const admin = new URL(template);
  admin.pathname = '/postgres';
  await withClient(admin.toString(), (c) =>
    c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template.pathname.slice(1))}`),
  );
  const url = new URL(template);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withClient(admin.toString(), (c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)),
  };
}

async function withClient(url: string, fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
