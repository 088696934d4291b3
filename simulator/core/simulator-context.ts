// What every part of the simulator works with: options, state, clock, randomness, scheduled
// work, webhooks and live events. Built once by createMetaSimulator and passed explicitly.
import type { SimulatorOptions } from '../simulator-options.ts';
import type { MediaStore } from '../state/media-store.ts';
import type { PhoneNumberRecord } from '../state/simulator-state.ts';
import type { SimulatorStore } from '../state/simulator-store.ts';
import type { WebhookDispatcher } from '../webhooks/webhook-dispatcher.ts';
import type { EventHub } from './event-hub.ts';
import type { TaskTracker } from './task-tracker.ts';
import { createTokenBuckets } from './token-buckets.ts';

export type SimulatorContext = {
  options: SimulatorOptions;
  store: SimulatorStore;
  media: MediaStore;
  tasks: TaskTracker;
  events: EventHub;
  webhooks: WebhookDispatcher;
  buckets: ReturnType<typeof createTokenBuckets>;
  /** Download tokens of media URLs handed out by `GET /<MEDIA_ID>` (they expire). */
  downloads: Map<string, { mediaId: string; expiresAt: number }>;
  now(): number;
  random(): number;
  /** A delay drawn from `latencyMs`. */
  latency(): number;
  /** Sends a webhook to a number's callback, signed with its app secret, in `orderKey`'s sequence. */
  webhookTo(number: PhoneNumberRecord, payload: unknown, orderKey: string): void;
  /** A status webhook: batched with others of the number when `statusBatchMs` is set. */
  statusWebhookTo(number: PhoneNumberRecord, payload: unknown, orderKey: string): void;
};
