// The media library as the API accepts and returns it: files uploaded to Parley that flows send
// (send_media's `mediaId`). Shared with web/ (imports only zod).
import { z } from 'zod';
import { dateTimeSchema, pageQuerySchema, pageSchema } from '../common/schemas.ts';

export const MEDIA_KINDS = ['image', 'video', 'audio', 'document'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

const MB = 1024 * 1024;

/** WhatsApp's largest file per kind (the shared Cloud API contract, §8 "Types and maximum sizes"). */
export const MEDIA_MAX_BYTES: Record<MediaKind, number> = {
  image: 5 * MB,
  video: 16 * MB,
  audio: 16 * MB,
  document: 100 * MB,
};

/** The MIME types WhatsApp sends, by kind (stickers are not part of the library). */
export const MEDIA_MIME_TYPES: Record<MediaKind, readonly string[]> = {
  image: ['image/jpeg', 'image/png'],
  video: ['video/mp4', 'video/3gpp'],
  audio: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
  document: [
    'text/plain',
    'application/pdf',
    'application/msword',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-excel',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.ms-powerpoint',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ],
};

/**
 * Types an upload may have that are converted into one WhatsApp sends before they are stored:
 * Chromium records voice notes only as WebM/Opus, which is stored as Ogg/Opus (the same audio).
 */
export const MEDIA_UPLOAD_CONVERSIONS: Readonly<Record<string, string>> = { 'audio/webm': 'audio/ogg' };

/** `audio/ogg; codecs=opus` → `audio` (`audio/webm` too: stored as Ogg); null for a type WhatsApp does not send. */
export function mediaKindOf(mimeType: string): MediaKind | null {
  const declared = mimeType.split(';')[0]!.trim().toLowerCase();
  const base = MEDIA_UPLOAD_CONVERSIONS[declared] ?? declared;
  return MEDIA_KINDS.find((kind) => MEDIA_MIME_TYPES[kind].includes(base)) ?? null;
}

export const listMediaQuerySchema = pageQuerySchema.extend({ kind: z.enum(MEDIA_KINDS).optional() });
export type ListMediaQuery = z.infer<typeof listMediaQuerySchema>;

export const mediaItemSchema = z.object({
  /** What a send_media node's `mediaId` takes. */
  id: z.uuid(),
  kind: z.enum(MEDIA_KINDS),
  mimeType: z.string(),
  filename: z.string().nullable(),
  sizeBytes: z.number().int(),
  createdAt: dateTimeSchema,
  /** A signed link to the file, valid for 10 minutes (for previews). */
  url: z.string(),
});
export type MediaItem = z.infer<typeof mediaItemSchema>;
export const mediaPageSchema = pageSchema(mediaItemSchema);
