// `npm run db:migration:new -- <name>`: writes the SQL that takes the last committed
// prisma/schema.prisma to the working copy's, as a new migration folder. (Prisma's offline schema
// engine cannot diff against a live or shadow database, so the committed schema is the baseline;
// tests/db/migrations-match-schema.test.ts proves migrations and schema agree.)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prismaDiff } from './lib/prisma-cli.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration:new -- <snake_case_name>');
  process.exit(1);
}
const baseline = path.join(mkdtempSync(path.join(tmpdir(), 'parley-schema-')), 'schema.prisma');
let hasBaseline = true;
try {
  writeFileSync(
    baseline,
    execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { stdio: ['ignore', 'pipe', 'ignore'] }),
  );
} catch {
  hasBaseline = false;
}
const sql = await prismaDiff(hasBaseline ? ['--from-schema-datamodel', baseline] : ['--from-empty']);
if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
  console.log('prisma/schema.prisma has no changes since the last commit: nothing to migrate.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const folder = path.join('prisma', 'migrations', `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, 'migration.sql'), sql);
console.log(
  `Wrote ${folder}/migration.sql. A new tenant-owned table needs row-level security in it too (see the rls migration).`,
);
