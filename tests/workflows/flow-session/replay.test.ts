// Replays recorded session histories against the current workflow bundle: a change to the
// interpreter that would send different commands for a session already in progress (a
// determinism break) fails here instead of in production. Record with RECORD_FLOW_HISTORIES=1.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { testInfrastructure } from '../../support/test-env.ts';
import { startTestApp } from '../../support/test-app.ts';
import { startFakeServices } from './fake-services.ts';
import { HISTORIES_DIR, readHistoryFixture, recordHistories } from './record-histories.ts';

jest.setTimeout(60_000);

if (process.env.RECORD_FLOW_HISTORIES === '1') {
  it('[flows] records session histories', async () => {
    const fake = await startFakeServices();
    const app = await startTestApp();
    try {
      await recordHistories(app, fake);
    } finally {
      await app.stop();
      await fake.close();
    }
  });
}

it('[flows] recorded session histories replay against the current interpreter', async () => {
  const files = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json'));
  expect(files.length).toBeGreaterThanOrEqual(4);
  const histories = files.map((file) => ({
    workflowId: path.basename(file, '.json'),
    history: readHistoryFixture(JSON.parse(readFileSync(path.join(HISTORIES_DIR, file), 'utf8'))),
  }));
  if (!Runtime._instance) {
    Runtime.install({ logger: new DefaultLogger('WARN') }); // no worker state chatter in the test output
  }
  const failures: string[] = [];
  const replay = Worker.runReplayHistories(
    { workflowBundle: { codePath: testInfrastructure().workflowBundlePath } },
    histories,
  );
  for await (const result of replay) {
    if (result.error) {
      failures.push(`${result.workflowId}: ${result.error.message}`);
    }
  }
  expect(failures).toEqual([]);
});
