// An outbound media message may name a file of Parley's media library (our Media id, a uuid)
// instead of a WhatsApp media id: agents' attachments and flows' send_media nodes do. WhatsApp's
// own media ids are digits, never uuids, so the two cannot be confused.
import type { OutboundContent } from '../whatsapp/schemas.ts';

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The media library id the content sends, or null (text, a link, or a WhatsApp media id). */
export function libraryMediaIdOf(content: OutboundContent): string | null {
  if (!MEDIA_TYPES.has(content.type)) {
    return null;
  }
  const media = (content as Record<string, unknown>)[content.type] as { id?: string } | undefined;
  return media?.id && UUID.test(media.id) ? media.id : null;
}
