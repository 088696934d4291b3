// Prisma CLI configuration. The WebAssembly schema engine ("js") with the pg driver adapter lets
// migrations run without downloading Prisma's native engines (docs/dev-setup.md).
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaPg({ connectionString: requireDatabaseUrl() }),
});

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error('DATABASE_URL is not set: run migrations through `npm run db:migrate` or `npm start`.');
  }
  return url;
}
