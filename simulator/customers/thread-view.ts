// A chat as the customer's phone shows it: both directions, ticks, content as sent, and media as
// URLs the phone loads without a token (`GET /_sandbox/media/:mediaId`).
import type { SimulatorContext } from '../core/simulator-context.ts';
import type { CustomerRecord, MessageRecord } from '../state/simulator-state.ts';
import { isWindowOpen } from './customer-records.ts';

const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'];

export function messageView(message: MessageRecord, base: string) {
  return {
    id: message.id,
    from: message.direction === 'inbound' ? 'customer' : 'business',
    timestamp: new Date(message.timestamp).toISOString(),
    type: String(message.content.type),
    content: withMediaUrls(message.content, base),
    status: message.status,
    replyTo: message.contextId,
    error: message.error,
    template: message.template,
  };
}

export function customerView(ctx: SimulatorContext, customer: CustomerRecord) {
  const thread = ctx.store.thread(customer.phoneNumberId, customer.waId);
  const last = thread.at(-1);
  const open = isWindowOpen(ctx, customer);
  return {
    waId: customer.waId,
    name: customer.name,
    online: customer.online,
    windowOpen: open,
    windowExpiresAt:
      open && customer.lastInboundAt !== null
        ? new Date(customer.lastInboundAt + ctx.options.customerServiceWindowMs).toISOString()
        : null,
    lastMessage: last
      ? {
          id: last.id,
          from: last.direction === 'inbound' ? 'customer' : 'business',
          preview: preview(last),
          timestamp: new Date(last.timestamp).toISOString(),
        }
      : null,
    /** Business messages the customer has not read yet. */
    unreadCount: thread.filter(
      (m) => m.direction === 'outbound' && m.content.type !== 'reaction' && ['sent', 'delivered'].includes(m.status),
    ).length,
  };
}

function withMediaUrls(content: Record<string, unknown>, base: string): Record<string, unknown> {
  const type = String(content.type);
  const media = content[type] as { id?: string; link?: string } | undefined;
  if (MEDIA_TYPES.includes(type) && media) {
    return { ...content, [type]: { ...media, url: media.id ? `${base}/_sandbox/media/${media.id}` : media.link } };
  }
  return content;
}

export function preview(message: MessageRecord): string {
  const content = message.content as Record<string, Record<string, unknown> | undefined> & { type: string };
  const part = content[content.type];
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  switch (content.type) {
    case 'text':
      return text(part?.body) ?? '';
    case 'template':
      return message.template?.body ?? `[template ${text(part?.name) ?? ''}]`;
    case 'interactive':
      return (
        text((part?.body as { text?: unknown } | undefined)?.text) ??
        text((part?.button_reply as { title?: unknown } | undefined)?.title) ??
        text((part?.list_reply as { title?: unknown } | undefined)?.title) ??
        '[interactive]'
      );
    case 'button':
      return text(part?.text) ?? '[button]';
    case 'reaction':
      return text(part?.emoji) ?? '[reaction removed]';
    default:
      return text(part?.caption) ?? `[${content.type}]`;
  }
}
