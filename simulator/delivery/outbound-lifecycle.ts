// What happens to a business message after the Graph API accepted it (contract §5): `sent`,
// then `delivered` once the customer's phone is online, then `read` when the customer reads it
// (or at once with `autoRead`); or a single `failed` with the error decided at send time.
// `pricing` rides on `sent` and on one of `delivered`/`read`, never on `failed`.
import type { SimulatorContext } from '../core/simulator-context.ts';
import type { MessageError, MessageRecord, OutboundStatus, Pricing } from '../state/simulator-state.ts';
import { statusPayload } from '../webhooks/webhook-payloads.ts';

const RANK: Record<OutboundStatus, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

export function pricingFor(template: { category: string } | null, windowOpen: boolean): Pricing {
  if (!template) {
    return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
  }
  const category = template.category.toLowerCase();
  // Utility templates inside an open customer-service window are free (contract §13).
  if (category === 'utility' && windowOpen) {
    return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category };
  }
  return { billable: true, pricing_model: 'PMP', type: 'regular', category };
}

export function startOutboundLifecycle(ctx: SimulatorContext, message: MessageRecord, failure: MessageError | null) {
  ctx.tasks.later(ctx.latency(), () => {
    if (failure) {
      fail(ctx, message, failure);
      return;
    }
    advance(ctx, message, 'sent');
    // A reaction from the business only ever gets `sent` (contract §5).
    if (message.content.type !== 'reaction') {
      scheduleDelivery(ctx, message);
    }
  });
}

/** Delivers a `sent` message if the customer's phone is online (and reads it with autoRead). */
export function scheduleDelivery(ctx: SimulatorContext, message: MessageRecord): void {
  if (!ctx.store.customer(message.phoneNumberId, message.waId)?.online) {
    return;
  }
  ctx.tasks.later(ctx.latency(), () => {
    if (advance(ctx, message, 'delivered') && ctx.options.autoRead) {
      ctx.tasks.later(ctx.latency(), () => advance(ctx, message, 'read'));
    }
  });
}

/** Moves a message forward (never back) and reports it; false when it was already there. */
export function advance(ctx: SimulatorContext, message: MessageRecord, status: 'sent' | 'delivered' | 'read'): boolean {
  if (RANK[message.status] >= RANK[status] || message.status === 'failed') {
    return false;
  }
  let pricing: Pricing | null = null;
  if (status === 'sent' || !message.pricingReported) {
    pricing = message.pricing;
    message.pricingReported = status !== 'sent';
  }
  message.status = status;
  report(ctx, message, status, pricing, null);
  return true;
}

function fail(ctx: SimulatorContext, message: MessageRecord, error: MessageError): void {
  message.status = 'failed';
  message.error = error;
  report(ctx, message, 'failed', null, error);
}

function report(
  ctx: SimulatorContext,
  message: MessageRecord,
  status: 'sent' | 'delivered' | 'read' | 'failed',
  pricing: Pricing | null,
  error: MessageError | null,
) {
  ctx.store.changed();
  const number = ctx.store.numbers.get(message.phoneNumberId);
  if (number) {
    ctx.statusWebhookTo(
      number,
      statusPayload(number, message, status, { timestampMs: ctx.now(), pricing, error }),
      message.waId,
    );
  }
  ctx.events.emit({
    type: 'status',
    phoneNumberId: message.phoneNumberId,
    waId: message.waId,
    messageId: message.id,
    status,
  });
}
