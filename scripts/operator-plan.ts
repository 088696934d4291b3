// `npm run operator:plan -- <workspace> [limits]`: the operator reads or sets a workspace's plan
// limits (api/workspace/plan-limits.ts), which the workspace itself cannot change.
//
//   npm run operator:plan -- acme                                  show them
//   npm run operator:plan -- acme --messages-per-day 1000 --messages-per-month unlimited
//   npm run operator:plan -- acme --api-requests-per-minute 600    (or `default`)
//   npm run operator:plan -- acme --media-quota 5GB                 (MB, GB or TB; or `default`)
//
// <workspace> is its id or slug. The database is DATABASE_URL, else the embedded one of a running
// `npm start` (PARLEY_DATA_DIR, EMBEDDED_PG_PORT).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { getPlanLimits, planLimitsSchema, setPlanLimits } from '#api/workspace/plan-limits';
import { createDatabase } from '#db/client';
import { loadEnv } from '#lib/env';
import { embeddedDatabaseUrl } from './lib/embedded-postgres.ts';

const OPTIONS = {
  'messages-per-day': { field: 'maxMessagesPerDay', none: 'unlimited' },
  'messages-per-month': { field: 'maxMessagesPerMonth', none: 'unlimited' },
  'api-requests-per-minute': { field: 'apiRequestsPerMinute', none: 'default' },
  'media-quota': { field: 'mediaQuotaBytes', none: 'default' },
} as const;

/** 1 MB = 1024 × 1024 bytes, as the storage figures in the app count them. */
const SIZE_UNITS = { MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 } as const;

function parseOption(name: string, value: string, none: string): number | null {
  if (value === none) {
    return null;
  }
  if (name === 'media-quota') {
    const size = /^(\d+(?:\.\d+)?)\s*(MB|GB|TB)$/i.exec(value);
    return size
      ? Math.round(Number(size[1]) * SIZE_UNITS[size[2]!.toUpperCase() as keyof typeof SIZE_UNITS])
      : fail(`--${name}: a size like 500MB, 5GB or 1TB, or "${none}"`);
  }
  return /^\d+$/.test(value) ? Number(value) : fail(`--${name}: a whole number or "${none}"`);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: Object.fromEntries(Object.keys(OPTIONS).map((name) => [name, { type: 'string' as const }])),
    });
  } catch (error) {
    return fail(
      `${(error as Error).message}\nUsage: npm run operator:plan -- <workspace id or slug> [--messages-per-day N|unlimited] [--messages-per-month N|unlimited] [--api-requests-per-minute N|default] [--media-quota 5GB|default]`,
    );
  }
})();
const workspace =
  positionals[0] ?? fail('Name the workspace: npm run operator:plan -- <workspace id or slug> [limits]');

const limits: Record<string, number | null> = {};
for (const [name, { field, none }] of Object.entries(OPTIONS)) {
  const value = values[name];
  if (typeof value === 'string') {
    limits[field] = parseOption(name, value, none);
  }
}
const parsed = planLimitsSchema.safeParse(limits);
if (!parsed.success) {
  const issue = parsed.error.issues[0]!;
  const option = Object.entries(OPTIONS).find(([, o]) => o.field === issue.path[0])?.[0];
  fail(`--${option}: ${issue.message}`);
}

function size(bytes: number): string {
  const [unit, factor] = Object.entries(SIZE_UNITS).findLast(([, f]) => bytes >= f) ?? ['MB', SIZE_UNITS.MB];
  return `${Number((bytes / factor).toFixed(2))} ${unit}`;
}

const env = loadEnv();
const databaseUrl =
  env.DATABASE_URL ??
  embeddedDatabaseUrl(path.resolve(env.PARLEY_DATA_DIR, 'postgres'), env.EMBEDDED_PG_PORT, 'parley');
const { prisma, close } = createDatabase(databaseUrl);
try {
  const byId = z.uuid().safeParse(workspace).success;
  const tenant = await prisma.tenant.findFirst({
    where: byId ? { id: workspace } : { slug: workspace },
    select: { id: true, name: true, slug: true },
  });
  if (!tenant) {
    fail(`No workspace has the id or slug "${workspace}".`);
  }
  const plan =
    Object.keys(parsed.data).length > 0
      ? await setPlanLimits(prisma, tenant.id, parsed.data)
      : await getPlanLimits(prisma, tenant.id);
  const show = (value: number | null, none: string) => (value === null ? none : value.toLocaleString('en'));
  console.log(`${tenant.name} (${tenant.slug}, ${tenant.id})`);
  console.log(`  messages per day:        ${show(plan.maxMessagesPerDay, 'unlimited')}`);
  console.log(`  messages per month:      ${show(plan.maxMessagesPerMonth, 'unlimited')}`);
  console.log(
    `  API requests per minute: ${show(plan.apiRequestsPerMinute, `default (${env.RATE_LIMIT_TENANT_PER_MINUTE})`)}`,
  );
  console.log(
    `  media storage:           ${plan.mediaQuotaBytes === null ? `default (${size(env.MEDIA_QUOTA_BYTES)})` : size(plan.mediaQuotaBytes)}`,
  );
} finally {
  await close();
}
