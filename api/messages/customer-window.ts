// WhatsApp's 24-hour customer-service window: free-form messages only within 24 hours of the
// customer's last message; outside it, approved templates only (Meta answers 131047 otherwise).
import { WHATSAPP_LIMITS } from '../whatsapp/limits.ts';

const WINDOW_MS = WHATSAPP_LIMITS.customerServiceWindowHours * 3_600_000;

export function windowClosesAt(lastInboundAt: Date | null, now = Date.now()): Date | null {
  if (!lastInboundAt) {
    return null;
  }
  const closes = lastInboundAt.getTime() + WINDOW_MS;
  return closes > now ? new Date(closes) : null;
}

export function needsOpenWindow(type: string): boolean {
  return type !== 'template';
}
