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
  return WorkerWithoutSandboxTimer.create({
    connection: config.connection,
    namespace: config.namespace,
    taskQueue: config.taskQueue,
    activities: createActivities(config.deps),
    ...(config.workflowBundle ? { workflowBundle: config.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
  });
}

/**
 * The SDK's Worker without its time limit on each call into the workflow sandbox. Node enforces
 * a vm `timeout` by starting an OS thread for the call and joining it afterwards (nodejs/node
 * #47739), and the SDK passes one on every call: about 45 per flow session. On a busy machine
 * each call then also waits for that thread to be scheduled: at 500 concurrent flow sessions on 2
 * cores, p95 per step measured 0.7–3.4 s without it and 4.9–8.4 s with it (docs/benchmarks.md).
 * The limit stopped workflow code that never yields; in Parley's workflows only a user-written
 * regular expression could, and those that can backtrack for too long are refused, and none runs
 * on more than 500 characters (flow-dsl/text.ts, flow-dsl/regex-safety.ts).
 */
class WorkerWithoutSandboxTimer extends Worker {
  protected static override createWorkflowCreator(
    ...[bundle, options, logger]: Parameters<typeof Worker.createWorkflowCreator>
  ): ReturnType<typeof Worker.createWorkflowCreator> {
    // Node runs a vm call without a watchdog when its timeout is undefined.
    const untimed = { ...options, isolateExecutionTimeoutMs: undefined as unknown as number };
    return super.createWorkflowCreator(bundle, untimed, logger);
  }
}
