// Provisions the real services every suite talks to, once per `jest` run:
// - PostgreSQL: TEST_DATABASE_URL's server if set, else an embedded one in a temp folder; a
//   template database is migrated once and each test file clones it (CREATE DATABASE … TEMPLATE);
// - a Temporal dev server (in memory, headless) from the cached or freshly built CLI;
// - the workflow bundle, built once and shared by every test worker;
// - Chromium for the browser tests.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import pg from 'pg';
import { WORKFLOWS_PATH } from '#activities/worker';
import { migrateDatabase } from '#db/migrate';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres.ts';
import { freePort } from '../../scripts/lib/ports.ts';
import { findOrBuildTemporalCli } from '../../scripts/lib/temporal-binary.ts';
import { startTemporalDevServer } from '../../scripts/lib/temporal-dev-server.ts';
import { ensureChromium } from './chromium.ts';
import { publishInfrastructure } from './test-env.ts';
import { createRunDir, recordChildPid, removeRunDir, removeStaleRuns } from './test-runs.ts';

type Stop = () => Promise<void>;
declare global {
  var parleyTestStops: Stop[] | undefined;
}

export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[test setup] ${line}\n`);
  const stale = removeStaleRuns();
  if (stale > 0) {
    log(`removed ${stale} folder(s) left by earlier test runs that were killed`);
  }
  const runDir = createRunDir();
  const stops: Stop[] = [() => Promise.resolve(removeRunDir(runDir))];
  globalThis.parleyTestStops = stops;

  const [adminUrl, temporalAddress, workflowBundlePath] = await Promise.all([
    startPostgres(runDir, stops),
    startTemporal(runDir, stops, log),
    bundleWorkflows(runDir),
  ]);
  const templateDatabaseUrl = withDatabase(adminUrl, `parley_test_template_${process.pid}`);
  await migrateDatabase(templateDatabaseUrl);
  stops.push(() => dropDatabase(adminUrl, templateDatabaseUrl));
  publishInfrastructure({
    templateDatabaseUrl,
    temporalAddress,
    workflowBundlePath,
    runDir,
    chromiumPath: ensureChromium(log),
  });
}

async function startPostgres(runDir: string, stops: Stop[]): Promise<string> {
  if (process.env.TEST_DATABASE_URL) {
    return process.env.TEST_DATABASE_URL;
  }
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(runDir, 'postgres'),
    port: await freePort(),
    logFile: path.join(runDir, 'postgres.log'),
  });
  stops.push(postgres.stop);
  return postgres.databaseUrl('postgres');
}

async function startTemporal(runDir: string, stops: Stop[], log: (line: string) => void): Promise<string> {
  const binary = await findOrBuildTemporalCli({ explicitPath: process.env.TEMPORAL_CLI_PATH, log });
  const temporal = await startTemporalDevServer({
    binary,
    port: await freePort(),
    logFile: path.join(runDir, 'temporal.log'),
  });
  recordChildPid(runDir, temporal.pid);
  stops.push(temporal.stop);
  return temporal.address;
}

async function bundleWorkflows(runDir: string): Promise<string> {
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietLogger });
  const file = path.join(runDir, 'workflow-bundle.js');
  writeFileSync(file, code);
  return file;
}

async function dropDatabase(adminUrl: string, databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(
    `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(new URL(databaseUrl).pathname.slice(1))} WITH (FORCE)`,
  );
  await client.end();
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const noop = () => undefined;
const quietLogger = { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: console.error };
