// Parley's stand-in for Meta's WhatsApp Cloud API (the shared whatsapp-cloud-api contract): a
// Graph API router, simulated customers behind a control API, signed webhooks, optional
// persistence. `npm start` mounts it for Sandbox channels; tests and benchmarks run it alone.
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Router } from 'express';
import type { z } from 'zod';
import { createSimulatorContext } from './core/create-simulator-context.ts';
import type { EventListener } from './core/event-hub.ts';
import { createControlRouter } from './customers/control-router.ts';
import {
  addCustomer,
  closeWindow,
  customerOrThrow,
  readAsCustomer,
  sendAsCustomer,
} from './customers/customer-operations.ts';
import { customerMessageSchema } from './customers/control-schemas.ts';
import { createGraphRouter } from './graph/graph-router.ts';
import { answerMessagesPostDirectly } from './graph/messages-routes.ts';
import { registerPhoneNumber, type PhoneNumberDefinition } from './numbers/register-phone-number.ts';
import { resolveOptions, type SimulatorOptionsInput } from './simulator-options.ts';
import { createStatePersistence, loadSnapshot } from './state/state-persistence.ts';
import { createSimulatorStore } from './state/simulator-store.ts';
import { verifyWebhook, type WebhookVerification } from './webhooks/verify-webhook.ts';

export type MetaSimulator = ReturnType<typeof createMetaSimulator>;

export function createMetaSimulator(input: SimulatorOptionsInput = {}) {
  const options = resolveOptions(input);
  const store = createSimulatorStore();
  const snapshot = options.stateFile ? loadSnapshot(options.stateFile, options.log) : null;
  if (snapshot) {
    store.load(snapshot);
  }
  const ctx = createSimulatorContext(options, store);
  const { tasks, events } = ctx;
  const persistence = options.stateFile
    ? createStatePersistence({
        stateFile: options.stateFile,
        debounceMs: options.saveDebounceMs,
        snapshot: () => store.snapshot(),
        log: options.log,
      })
    : null;
  store.onChange(() => persistence?.schedule());

  const router = express.Router();
  router.use((req, res, next) => {
    // Absolute base of the simulator as this caller reaches it, for the URLs we hand out.
    res.locals.simulatorBase =
      options.publicUrl?.replace(/\/$/, '') ?? `${req.protocol}://${req.get('host')}${req.baseUrl}`;
    next();
  });
  router.use('/_sandbox', createControlRouter(ctx));
  router.use(createGraphRouter(ctx));

  return {
    router: router as Router,
    /** The hot Graph request (a send) without Express, for the simulator's own server. */
    answerDirectly: (req: IncomingMessage, res: ServerResponse) => answerMessagesPostDirectly(ctx, req, res),
    state: store,
    options,
    registerPhoneNumber: (definition: PhoneNumberDefinition) => registerPhoneNumber(ctx, definition),
    /** Meta's GET handshake against the number's webhook URL (contract §1). */
    verifyWebhook: (phoneNumberId: string, verifyToken: string): Promise<WebhookVerification> => {
      const number = store.numbers.get(phoneNumberId);
      if (!number) {
        return Promise.reject(new Error(`Unknown phone number ${phoneNumberId}`));
      }
      return verifyWebhook(number.webhookUrl, verifyToken, {
        random: options.random,
        timeoutMs: options.webhookTimeoutMs,
      });
    },
    onEvent: (listener: EventListener) => events.on(listener),
    /** The customers' side in-process (the same operations as the control API). */
    customers: {
      add: (phoneNumberId: string, customer: { name: string; waId?: string; online?: boolean }) =>
        addCustomer(ctx, phoneNumberId, customer),
      send: (phoneNumberId: string, waId: string, request: z.input<typeof customerMessageSchema>) =>
        sendAsCustomer(ctx, customerOrThrow(ctx, phoneNumberId, waId), customerMessageSchema.parse(request)),
      read: (phoneNumberId: string, waId: string) => readAsCustomer(ctx, customerOrThrow(ctx, phoneNumberId, waId)),
      closeWindow: (phoneNumberId: string, waId: string, closedAt?: number) =>
        closeWindow(ctx, customerOrThrow(ctx, phoneNumberId, waId), closedAt),
      thread: (phoneNumberId: string, waId: string) => store.thread(phoneNumberId, waId),
    },
    /** Resolves when every pending step, webhook and retry has run, and the state is saved. */
    async flush(): Promise<void> {
      await tasks.idle();
      await persistence?.flush();
    },
    /** Cancels pending work, waits for running work, saves the state. */
    async close(): Promise<void> {
      await tasks.close();
      await persistence?.close();
    },
  };
}
