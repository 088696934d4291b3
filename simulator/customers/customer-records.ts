// Simulated WhatsApp users per business number, and their 24 h customer-service window
// (contract §12): it opens or renews with every message the customer sends.
import type { SimulatorContext } from '../core/simulator-context.ts';
import type { CustomerRecord } from '../state/simulator-state.ts';

/** The customer behind a wa_id; someone the business writes to first is created on the fly. */
export function ensureCustomer(ctx: SimulatorContext, phoneNumberId: string, waId: string): CustomerRecord {
  const existing = ctx.store.customer(phoneNumberId, waId);
  if (existing) {
    return existing;
  }
  const customer: CustomerRecord = {
    phoneNumberId,
    waId,
    name: `+${waId}`,
    online: true,
    createdAt: ctx.now(),
    lastInboundAt: null,
  };
  ctx.store.putCustomer(customer);
  return customer;
}

export function isWindowOpen(ctx: SimulatorContext, customer: CustomerRecord): boolean {
  return customer.lastInboundAt !== null && ctx.now() - customer.lastInboundAt < ctx.options.customerServiceWindowMs;
}
