// An outbound message may name a file of Parley's media library (our Media id, a uuid) instead of
// a WhatsApp media id: agents' attachments, flows' send_media nodes and the header file of a
// media-header template do. WhatsApp's own media ids are digits, never uuids, so the two cannot be
// confused.
import type { OutboundContent } from '../whatsapp/schemas.ts';

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type MediaRef = { field: string; media: { id?: string } };

/** The media object the content carries (a media message's own, a template's header file). */
function mediaRefOf(content: OutboundContent): MediaRef | null {
  if (MEDIA_TYPES.has(content.type)) {
    const media = (content as Record<string, unknown>)[content.type] as { id?: string } | undefined;
    return media ? { field: `content.${content.type}.id`, media } : null;
  }
  if (content.type === 'template') {
    const index = content.template.components?.findIndex((c) => c.type === 'header') ?? -1;
    const parameter = index >= 0 ? content.template.components![index]!.parameters?.[0] : undefined;
    if (parameter && MEDIA_TYPES.has(parameter.type)) {
      const media = (parameter as Record<string, unknown>)[parameter.type] as { id?: string } | undefined;
      const field = `content.template.components.${index}.parameters.0.${parameter.type}.id`;
      return media ? { field, media } : null;
    }
  }
  return null;
}

/** The media library id the content sends, or null (text, a link, or a WhatsApp media id). */
export function libraryMediaIdOf(content: OutboundContent): string | null {
  const id = mediaRefOf(content)?.media.id;
  return id && UUID.test(id) ? id : null;
}

/** Where the content names its media id, for an error naming the field. */
export function libraryMediaFieldOf(content: OutboundContent): string {
  return mediaRefOf(content)?.field ?? 'content';
}

/** The content with its media id replaced (by the one WhatsApp gave the uploaded library file). */
export function withMediaId(content: OutboundContent, id: string): OutboundContent {
  const copy = structuredClone(content);
  const ref = mediaRefOf(copy);
  if (ref) {
    ref.media.id = id;
  }
  return copy;
}
