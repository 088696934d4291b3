// What global-setup.ts provisions, handed to every test file through environment variables.
export type TestInfrastructure = {
  /** Connection URL of the migrated template database; each test file clones it. */
  templateDatabaseUrl: string;
  temporalAddress: string;
  workflowBundlePath: string;
  runDir: string;
  chromiumPath: string | null;
};

const KEY = 'PARLEY_TEST_INFRASTRUCTURE';

export function publishInfrastructure(info: TestInfrastructure): void {
  process.env[KEY] = JSON.stringify(info);
}

export function testInfrastructure(): TestInfrastructure {
  const raw = process.env[KEY];
  if (!raw) {
    throw new Error(
      'Run tests through jest (npm test): tests/support/global-setup.ts provisions PostgreSQL and Temporal',
    );
  }
  return JSON.parse(raw) as TestInfrastructure;
}
