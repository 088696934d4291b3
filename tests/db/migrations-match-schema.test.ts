// prisma/migrations must build exactly the schema prisma/schema.prisma describes: a database
// migrated step by step and one created straight from the schema have the same tables, columns,
// indexes and constraints. Fails when someone edits schema.prisma without `npm run db:migration:new`.
import pg from 'pg';
import { prismaDiff } from '../../scripts/lib/prisma-cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { testInfrastructure } from '../support/test-env.ts';

const CATALOGUE = `
  SELECT 'column' AS kind, table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS item
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
  UNION ALL
  SELECT 'index', indexname || ' ' || regexp_replace(indexdef, ' ON public\\.', ' ON ') FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
  UNION ALL
  SELECT 'constraint', conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
  UNION ALL
  SELECT 'enum', t.typname || '.' || e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
  ORDER BY 1, 2`;

let fromSchema: TestDatabase;

beforeAll(async () => {
  fromSchema = await createEmptyDatabase();
});
afterAll(() => fromSchema.drop());

it('[db] migrations produce exactly the schema in schema.prisma', async () => {
  const sql = await prismaDiff(['--from-empty'], fromSchema.url);
  await withClient(fromSchema.url, (c) => c.query(sql));
  const migrated = await withClient(testInfrastructure().templateDatabaseUrl, (c) => c.query(CATALOGUE));
  const direct = await withClient(fromSchema.url, (c) => c.query(CATALOGUE));
  expect(migrated.rows).toEqual(direct.rows);
}, 60_000);

async function createEmptyDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  await withClient(database.url, (c) => c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public'));
  return database;
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
