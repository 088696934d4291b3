// What a simulated customer can do: exist, write to the business (producing the inbound webhook
// of contract §4 and renewing the 24 h window), read the business's messages, go offline.
// The control API and in-process callers share these.
import type { SimulatorContext } from '../core/simulator-context.ts';
import { phoneDigits, randomWaId, wamid } from '../core/ids.ts';
import { advance, scheduleDelivery } from '../delivery/outbound-lifecycle.ts';
import type { CustomerRecord, MessageRecord, PhoneNumberRecord } from '../state/simulator-state.ts';
import { inboundPayload, unixSeconds } from '../webhooks/webhook-payloads.ts';
import { ControlError } from './control-error.ts';
import type { CustomerMessageRequest } from './control-schemas.ts';
import { inboundContent } from './inbound-content.ts';

export function numberOrThrow(ctx: SimulatorContext, phoneNumberId: string): PhoneNumberRecord {
  const number = ctx.store.numbers.get(phoneNumberId);
  if (!number) {
    throw ControlError.notFound(`Phone number ${phoneNumberId}`);
  }
  return number;
}

export function customerOrThrow(ctx: SimulatorContext, phoneNumberId: string, waId: string): CustomerRecord {
  const customer = ctx.store.customer(numberOrThrow(ctx, phoneNumberId).phoneNumberId, waId);
  if (!customer) {
    throw ControlError.notFound(`Customer ${waId}`);
  }
  return customer;
}

/** Creates a customer (or renames an existing one with the same wa_id). */
export function addCustomer(
  ctx: SimulatorContext,
  phoneNumberId: string,
  input: { name: string; waId?: string | undefined; online?: boolean | undefined },
): CustomerRecord {
  numberOrThrow(ctx, phoneNumberId);
  const waId = input.waId ?? randomWaId(ctx.random);
  const existing = ctx.store.customer(phoneNumberId, waId);
  const customer: CustomerRecord = existing
    ? { ...existing, name: input.name, online: input.online ?? existing.online }
    : {
        phoneNumberId,
        waId,
        name: input.name,
        online: input.online ?? true,
        createdAt: ctx.now(),
        lastInboundAt: null,
      };
  ctx.store.putCustomer(customer);
  return customer;
}

export async function sendAsCustomer(
  ctx: SimulatorContext,
  customer: CustomerRecord,
  request: CustomerMessageRequest,
): Promise<MessageRecord> {
  const number = numberOrThrow(ctx, customer.phoneNumberId);
  const thread = ctx.store.thread(customer.phoneNumberId, customer.waId);
  const quotedId = 'replyTo' in request ? request.replyTo : undefined;
  const quoted = quotedId ? (thread.find((m) => m.id === quotedId) ?? null) : null;
  if (quotedId && !quoted) {
    throw ControlError.invalid('replyTo', `message ${quotedId} is not in this chat`);
  }
  if (request.type === 'reaction' && !thread.some((m) => m.id === request.reaction.message_id)) {
    throw ControlError.invalid('reaction.message_id', 'the message is not in this chat');
  }
  const content = await inboundContent(ctx, number, request, quoted);
  const timestamp = ctx.now();
  const context = quoted
    ? { from: quoted.direction === 'outbound' ? phoneDigits(number.displayPhoneNumber) : customer.waId, id: quoted.id }
    : 'forwarded' in request && request.forwarded
      ? { forwarded: true }
      : null;
  const message: MessageRecord = {
    id: wamid(ctx.random, customer.waId),
    phoneNumberId: number.phoneNumberId,
    waId: customer.waId,
    direction: 'inbound',
    timestamp,
    content,
    contextId: quoted?.id ?? null,
    status: 'delivered',
    error: null,
    bizOpaqueCallbackData: null,
    pricing: null,
    pricingReported: false,
    template: null,
  };
  customer.lastInboundAt = timestamp;
  ctx.store.addMessage(message);
  ctx.events.emit({ type: 'inbound', phoneNumberId: number.phoneNumberId, waId: customer.waId, message });
  const webhookMessage = {
    ...(context ? { context } : {}),
    from: customer.waId,
    id: message.id,
    timestamp: unixSeconds(timestamp),
    ...content,
  };
  ctx.tasks.later(ctx.latency(), () =>
    ctx.webhookTo(number, inboundPayload(number, customer, webhookMessage), customer.waId),
  );
  return message;
}

/** The customer opens the chat: every business message not yet read gets a `read` status. */
export function readAsCustomer(ctx: SimulatorContext, customer: CustomerRecord): string[] {
  return (
    ctx.store
      .thread(customer.phoneNumberId, customer.waId)
      .filter((m) => m.direction === 'outbound' && (m.status === 'sent' || m.status === 'delivered'))
      // A reaction is not a message the customer "reads": it only ever gets `sent` (contract §5).
      .filter((m) => m.content.type !== 'reaction' && advance(ctx, m, 'read'))
      .map((m) => m.id)
  );
}

/** Moves the last inbound message back so the 24 h window closed at `closedAt` (default now). */
export function closeWindow(ctx: SimulatorContext, customer: CustomerRecord, closedAt = ctx.now()): void {
  customer.lastInboundAt = closedAt - ctx.options.customerServiceWindowMs;
  ctx.store.changed();
}

/** Going online delivers everything that was waiting at `sent`. */
export function setPresence(ctx: SimulatorContext, customer: CustomerRecord, online: boolean): void {
  customer.online = online;
  ctx.store.changed();
  if (online) {
    ctx.store
      .thread(customer.phoneNumberId, customer.waId)
      .filter((m) => m.direction === 'outbound' && m.status === 'sent' && m.content.type !== 'reaction')
      .forEach((m) => scheduleDelivery(ctx, m));
  }
}
