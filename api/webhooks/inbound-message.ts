// Turns one inbound message from a webhook into the row Parley stores. Never throws on content:
// a message Parley cannot parse is stored with its raw payload (type as Meta named it), so
// nothing a customer sends is dropped.
import { inboundContentSchema, isMediaType } from '../whatsapp/schemas.ts';
import { inboundMessageEnvelopeSchema, type CloudApiErrorObject } from '../whatsapp/webhook-schemas.ts';

export type InboundMessageRow = {
  providerMessageId: string;
  waId: string;
  type: string;
  content: Record<string, unknown>;
  text: string | null;
  replyToProviderId: string | null;
  providerTimestamp: Date;
  error: CloudApiErrorObject | null;
  media: { providerMediaId: string; mimeType: string; sha256: string | null; filename: string | null } | null;
};

/** null when even the common fields (id, from, timestamp, type) are missing: nothing to store. */
export function toInboundMessageRow(raw: unknown): InboundMessageRow | null {
  const envelope = inboundMessageEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return null;
  }
  const { id, from, timestamp, type, context, errors } = envelope.data;
  const parsed = inboundContentSchema.safeParse(envelope.data);
  const payload = (envelope.data as Record<string, unknown>)[type];
  const content: Record<string, unknown> = { type, [type]: payload ?? null, ...(context ? { context } : {}) };
  return {
    providerMessageId: id,
    waId: from,
    type,
    content,
    text: parsed.success ? textOf(parsed.data) : null,
    replyToProviderId: context?.id ?? null,
    providerTimestamp: new Date(Number(timestamp) * 1000),
    error: errors?.[0] ?? null,
    media: parsed.success ? mediaOf(parsed.data) : null,
  };
}

function textOf(content: ReturnType<typeof inboundContentSchema.parse>): string | null {
  switch (content.type) {
    case 'text':
      return content.text.body;
    case 'image':
      return content.image.caption ?? null;
    case 'video':
      return content.video.caption ?? null;
    case 'document':
      return content.document.caption ?? null;
    case 'interactive': {
      const reply = content.interactive as { button_reply?: { title: string }; list_reply?: { title: string } };
      return reply.button_reply?.title ?? reply.list_reply?.title ?? null;
    }
    case 'button':
      return content.button.text;
    case 'location':
      return content.location.name ?? content.location.address ?? null;
    case 'reaction':
      return content.reaction.emoji ?? null;
    default:
      return null;
  }
}

function mediaOf(content: ReturnType<typeof inboundContentSchema.parse>): InboundMessageRow['media'] {
  if (!isMediaType(content.type)) {
    return null;
  }
  const media = (content as Record<string, unknown>)[content.type] as {
    id: string;
    mime_type: string;
    sha256?: string;
    filename?: string;
  };
  return {
    providerMediaId: media.id,
    mimeType: media.mime_type,
    sha256: media.sha256 ?? null,
    filename: media.filename ?? null,
  };
}
