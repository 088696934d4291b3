// The second wall: even a query that forgets the tenant cannot cross it, because tenant-scoped
// queries run as the restricted role under row-level security policies.
import pg from 'pg';
import { createPrismaClient, type PrismaClient } from '#db/client';
import { migrateDatabase } from '#db/migrate';
import { createTenantDb } from '#db/tenant-db';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrismaClient(database.url);
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

async function tenant(name: string) {
  const row = await prisma.tenant.create({
    data: { name, slug: `${name}-${Date.now()}-${Math.random()}`, status: 'active' },
  });
  return row.id;
}

describe('[db] row-level security', () => {
  it('every table with a tenantId column has RLS enabled and a policy', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ table: string; rls: boolean; policies: number }>(`
      SELECT c.relname AS table, c.relrowsecurity AS rls,
             (SELECT count(*)::int FROM pg_policies p WHERE p.tablename = c.relname) AS policies
      FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE a.attname = 'tenantId' AND c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace`);
    await client.end();
    const unprotected = rows.filter((r) => !r.rls || r.policies === 0).map((r) => r.table);
    // Sessions and the e-mail outbox are reached only by the auth layer, never through a tenant scope.
    expect(unprotected.sort()).toEqual(['OutboundEmail', 'Session']);
    expect(rows.length).toBeGreaterThanOrEqual(9);
  });

  it('a raw query inside a tenant transaction sees and writes only that tenant', async () => {
    const a = await tenant('a');
    const b = await tenant('b');
    await createTenantDb(prisma, a).role.create({ data: { tenantId: a, name: 'A role', permissions: [] } });

    const seen = await createTenantDb(prisma, b).transaction((tx) => tx.role.findMany({ select: { tenantId: true } }));
    expect(seen).toEqual([]);
    await expect(
      createTenantDb(prisma, b).transaction((tx) =>
        tx.role.create({ data: { tenantId: a, name: 'Planted', permissions: [] } }),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await createTenantDb(prisma, b).transaction((tx) =>
      tx.role.updateMany({ data: { name: 'Hijacked' } }),
    );
    expect(updated.count).toBe(0);
    expect((await prisma.role.findFirstOrThrow({ where: { tenantId: a } })).name).toBe('A role');
  });

  it('the scoped client injects the tenant into filters and writes', async () => {
    const a = await tenant('a');
    const b = await tenant('b');
    const role = await createTenantDb(prisma, a).role.create({ data: { tenantId: b, name: 'Mine', permissions: [] } });
    expect(role.tenantId).toBe(a);
    expect(await createTenantDb(prisma, b).role.findUnique({ where: { id: role.id } })).toBeNull();
    expect(await createTenantDb(prisma, b).role.deleteMany({})).toEqual({ count: 0 });
  });

  it('tenant scope cannot read password hashes or sessions', async () => {
    const a = await tenant('a');
    await expect(createTenantDb(prisma, a).transaction((tx) => tx.user.findMany())).rejects.toThrow(
      /permission denied/,
    );
    await expect(createTenantDb(prisma, a).transaction((tx) => tx.session.findMany())).rejects.toThrow(
      /permission denied/,
    );
  });

  it('migrating again changes nothing', async () => {
    expect(await migrateDatabase(database.url)).toEqual({ applied: [] });
  });
});
