// The Meta simulator on a thread of its own, for benchmarks that time when WhatsApp accepts each
// message: on the benchmark's main thread (counting, polling the API) a pause bunched arrivals
// that had left Parley spaced out, and the busiest second was counted above what Parley sent.
// Each accepted message is posted back with the time this thread took it (ms since the epoch), in
// lists every 20 ms: one postMessage per message cost this thread about 8% of its CPU at 1,000/s.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { SimulatorOptionsInput } from '#simulator/simulator-options';
import { startMetaSimulator } from '#simulator/start-meta-simulator';

export type Accepted = { waId: string; at: number };
type FromThread = { url: string } | { accepted: Accepted[] } | { stopped: true };
const POST_EVERY_MS = 20;

/** Starts the simulator on its own thread; `onAccepted` gets every message it accepts. */
export async function startSimulatorThread(options: SimulatorOptionsInput, onAccepted: (message: Accepted) => void) {
  const worker = new Worker(new URL('./simulator-thread-entry.mjs', import.meta.url), { workerData: options });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: FromThread) => {
      if ('url' in message) {
        resolve(message.url);
      } else if ('accepted' in message) {
        message.accepted.forEach(onAccepted);
      }
    });
  });
  return {
    url,
    async stop() {
      const stopped = new Promise((resolve) => worker.on('message', (m: FromThread) => 'stopped' in m && resolve(m)));
      worker.postMessage('stop');
      await stopped;
      await worker.terminate();
    },
  };
}

/** Now, in milliseconds since the epoch with sub-millisecond precision, comparable across threads. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const sandbox = await startMetaSimulator(workerData as SimulatorOptionsInput);
  let accepted: Accepted[] = [];
  const post = () => {
    if (accepted.length > 0) {
      port.postMessage({ accepted } satisfies FromThread);
      accepted = [];
    }
  };
  const poster = setInterval(post, POST_EVERY_MS);
  sandbox.simulator.onEvent((event) => {
    if (event.type === 'message-to-customer') {
      accepted.push({ waId: event.waId, at: epochNow() });
    }
  });
  port.on('message', (message: unknown) => {
    if (message === 'stop') {
      clearInterval(poster);
      post();
      void sandbox.stop().then(() => port.postMessage({ stopped: true } satisfies FromThread));
    }
  });
  port.postMessage({ url: sandbox.url } satisfies FromThread);
}
