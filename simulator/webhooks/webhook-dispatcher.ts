// Delivers webhooks like Meta (contract §2, §3): POST with `X-Hub-Signature-256` over the exact
// bytes sent, every non-ASCII character escaped as lowercase \uXXXX; anything but 200 is retried
// with exponential backoff; a configurable fraction is delivered twice so receivers must dedupe.
import { escapeNonAscii, signatureFor } from '#api/whatsapp/signature';
import type { TaskTracker } from '../core/task-tracker.ts';

export type WebhookTarget = { url: string; appSecret: string };

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;

type DispatcherOptions = {
  tasks: TaskTracker;
  attempts: number;
  retryDelayMs: number;
  timeoutMs: number;
  /** POSTs in flight at once per URL. */
  concurrency: number;
  duplicateRate: number;
  /** 0: every status in its own POST; else statuses of a number are gathered this long. */
  statusBatchMs: number;
  statusBatchMax: number;
  random: () => number;
  log: (line: string) => void;
};

export function createWebhookDispatcher(options: DispatcherOptions) {
  // First attempts for one conversation go out one after the other, so a receiver sees sent
  // before delivered before read; conversations run in parallel (as Meta's do), and retries are
  // off the queue, as a failed POST must not hold the rest.
  const queues = new Map<string, Promise<void>>();
  const lanes = new Map<string, ReturnType<typeof createLane>>();

  const attempt = async (target: WebhookTarget, body: Buffer, number: number, isDuplicate: boolean) => {
    let lane = lanes.get(target.url);
    if (!lane) {
      lane = createLane(options.concurrency);
      lanes.set(target.url, lane);
    }
    const ok = await lane.run(() => post(target, body, options.timeoutMs, options.log));
    if (ok) {
      if (!isDuplicate && options.random() < options.duplicateRate) {
        options.tasks.later(0, () => attempt(target, body, 1, true));
      }
      return;
    }
    if (number < options.attempts) {
      const delay = options.retryDelayMs * 2 ** (number - 1);
      options.tasks.later(delay, () => attempt(target, body, number + 1, isDuplicate));
    } else {
      options.log(`webhook to ${target.url} dropped after ${number} attempts`);
    }
  };

  // Status batches per (URL, number): the first status opens a batch, closed after statusBatchMs
  // or at statusBatchMax statuses; batches of a number go out one after the other, so a chat's
  // sent still comes before its delivered.
  const batches = new Map<string, { target: WebhookTarget; payloads: StatusEnvelope[] }>();
  const closeBatch = (key: string) => {
    const batch = batches.get(key);
    if (!batch) {
      return;
    }
    batches.delete(key);
    const [first, ...rest] = batch.payloads;
    const value = first!.entry[0]!.changes[0]!.value;
    value.statuses = [value.statuses, ...rest.map((p) => p.entry[0]!.changes[0]!.value.statuses)].flat();
    dispatcher.send(batch.target, first, `status-batch:${key}`);
  };

  const dispatcher = {
    /** `orderKey` names the sequence this webhook belongs to (a chat, a template). */
    send(target: WebhookTarget, payload: unknown, orderKey = ''): void {
      const body = encodeWebhookBody(payload);
      const key = `${target.url}\n${orderKey}`;
      const previous = queues.get(key) ?? Promise.resolve();
      const next = previous.then(() => attempt(target, body, 1, false));
      queues.set(key, next);
      options.tasks.track(next);
      void next.finally(() => {
        if (queues.get(key) === next) {
          queues.delete(key);
        }
      });
    },
    /** A status webhook (`value.statuses` of one status): alone, or gathered into a batch. */
    sendStatus(target: WebhookTarget, payload: unknown, orderKey: string, batchKey: string): void {
      if (options.statusBatchMs <= 0) {
        dispatcher.send(target, payload, orderKey);
        return;
      }
      const key = `${target.url}\n${batchKey}`;
      const batch = batches.get(key);
      if (batch) {
        batch.payloads.push(payload as StatusEnvelope);
      } else {
        batches.set(key, { target, payloads: [payload as StatusEnvelope] });
        options.tasks.later(options.statusBatchMs, () => closeBatch(key));
      }
      if ((batches.get(key)?.payloads.length ?? 0) >= options.statusBatchMax) {
        closeBatch(key);
      }
    },
  };
  return dispatcher;
}

/** Runs at most `concurrency` tasks at once; the others wait in order. */
function createLane(concurrency: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= concurrency) {
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        running++;
      }
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) {
          next(); // the slot passes on: `running` stays
        } else {
          running--;
        }
      }
    },
  };
}

type StatusEnvelope = { entry: Array<{ changes: Array<{ value: { statuses: unknown[] } }> }> };

/** The exact bytes Meta would send: compact JSON with non-ASCII escaped (so pure ASCII). */
export function encodeWebhookBody(payload: unknown): Buffer {
  return Buffer.from(escapeNonAscii(JSON.stringify(payload)), 'utf8');
}

async function post(target: WebhookTarget, body: Buffer, timeoutMs: number, log: (line: string) => void) {
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'facebookexternalua',
        'x-hub-signature-256': signatureFor(body, target.appSecret),
      },
      body: new Uint8Array(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (response.status !== 200) {
      log(`webhook to ${target.url} answered ${response.status}`);
    }
    return response.status === 200;
  } catch (error) {
    log(`webhook to ${target.url} failed: ${String(error)}`);
    return false;
  }
}
