// An extra Temporal worker for a test app, on a task queue of the test's choosing, that the test
// can stop and replace: how a worker restart (a deploy, a crash) is simulated mid-session.
import { randomBytes } from 'node:crypto';
import { NativeConnection } from '@temporalio/worker';
import { createWorker } from '#activities/worker';
import type { TestApp } from './test-app.ts';
import { testInfrastructure } from './test-env.ts';

export type TestWorker = { taskQueue: string; stop: () => Promise<void> };

export async function startTestWorker(
  app: TestApp,
  taskQueue = `test-${randomBytes(4).toString('hex')}`,
): Promise<TestWorker> {
  const { env, prisma, pool, logger, secretBox, realtime, mediaStore, sandbox, temporal } = app.deps;
  const connection = await NativeConnection.connect({ address: testInfrastructure().temporalAddress });
  const worker = await createWorker({
    connection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue,
    deps: { env, prisma, pool, logger, secretBox, realtime, mediaStore, sandbox, temporal },
    workflowBundle: { codePath: testInfrastructure().workflowBundlePath },
  });
  const running = worker.run();
  return {
    taskQueue,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
