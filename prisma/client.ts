// The one database module. Prisma runs engine-free here: the generated client compiles queries
// in JavaScript and executes them through the pg driver adapter, on a pg pool that the few hot
// paths written in plain SQL (webhook ingestion) share.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client.ts';

export { Prisma } from './generated/client.ts';
export type { PrismaClient };

export type Database = { prisma: PrismaClient; pool: pg.Pool; close: () => Promise<void> };

export function createDatabase(databaseUrl: string, options: { poolSize?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 20 });
  // An idle connection the server closes (restart, failover) must not crash the process: the
  // pool replaces it on the next query.
  pool.on('error', () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}
