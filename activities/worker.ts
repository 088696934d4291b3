// The Parley worker: registers workflows/ and activities/ on one task queue.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from './index.ts';

export const WORKFLOWS_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'workflows', 'index.ts');

export type WorkerConfig = {
  /** The process's native connection, which its Temporal client may share (eager starts). */
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** A prebuilt workflow bundle (tests build one per run); otherwise workflows/ is bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
};

export async function createWorker(config: WorkerConfig): Promise<Worker> {
  return Worker.create({
    connection: config.connection,
    namespace: config.namespace,
    taskQueue: config.taskQueue,
    activities: createActivities(config.deps),
    ...(config.workflowBundle ? { workflowBundle: config.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
  });
}
