// Wires the shared parts every module works with (see SimulatorContext).
import type { SimulatorOptions } from '../simulator-options.ts';
import { createMediaStore } from '../state/media-store.ts';
import type { SimulatorStore } from '../state/simulator-store.ts';
import { createWebhookDispatcher } from '../webhooks/webhook-dispatcher.ts';
import { createEventHub } from './event-hub.ts';
import type { SimulatorContext } from './simulator-context.ts';
import { createTaskTracker } from './task-tracker.ts';
import { createTokenBuckets } from './token-buckets.ts';

export function createSimulatorContext(options: SimulatorOptions, store: SimulatorStore): SimulatorContext {
  const tasks = createTaskTracker((error) => options.log(`simulator task failed: ${String(error)}`));
  const webhooks = createWebhookDispatcher({
    tasks,
    attempts: options.webhookAttempts,
    retryDelayMs: options.webhookRetryDelayMs,
    timeoutMs: options.webhookTimeoutMs,
    concurrency: options.webhookConcurrency,
    duplicateRate: options.duplicateRate,
    statusBatchMs: options.statusBatchMs,
    statusBatchMax: options.statusBatchMax,
    random: options.random,
    log: options.log,
  });
  const { min, max } = options.latencyMs;
  return {
    options,
    store,
    media: createMediaStore(options.mediaDir),
    tasks,
    events: createEventHub(options.log),
    webhooks,
    buckets: createTokenBuckets(options.now),
    downloads: new Map(),
    now: options.now,
    random: options.random,
    latency: () => min + Math.floor(options.random() * (max - min + 1)),
    webhookTo: (number, payload, orderKey) =>
      webhooks.send(
        { url: number.webhookUrl, appSecret: number.appSecret },
        payload,
        `${number.phoneNumberId}:${orderKey}`,
      ),
    statusWebhookTo: (number, payload, orderKey) =>
      webhooks.sendStatus(
        { url: number.webhookUrl, appSecret: number.appSecret },
        payload,
        `${number.phoneNumberId}:${orderKey}`,
        number.phoneNumberId,
      ),
  };
}
