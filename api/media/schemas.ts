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

/** Images larger than this on their longest side are scaled down on upload (docs/media.md). */
export const IMAGE_MAX_SIDE = 1600;
/** An image may be uploaded up to this size if it optimises within WhatsApp's 5 MB. */
export const IMAGE_UPLOAD_MAX_BYTES = 25 * MB;

/** The largest upload of a kind: WhatsApp's limit, but images may be larger before optimisation. */
export function uploadLimitOf(kind: MediaKind): number {
  return kind === 'image' ? IMAGE_UPLOAD_MAX_BYTES : MEDIA_MAX_BYTES[kind];
}

export const MEDIA_SORTS = ['newest', 'oldest', 'name', 'largest'] as const;

export const listMediaQuerySchema = pageQuerySchema.extend({
  kind: z.enum(MEDIA_KINDS).optional(),
  /** Part of the file name, any case. */
  search: z.string().trim().max(100).optional(),
  sort: z.enum(MEDIA_SORTS).default('newest'),
});
export type ListMediaQuery = z.infer<typeof listMediaQuerySchema>;

export const mediaUsageSchema = z.object({
  /** Messages that sent the file (every send path: agents, flows, campaigns). */
  messages: z.number().int(),
  /** Flows whose draft or published version sends it. */
  flows: z.number().int(),
  /** Of those, flows whose published version sends it: the file cannot be deleted while they do. */
  publishedFlows: z.number().int(),
  /** Message templates with it as their header sample. */
  templates: z.number().int(),
  lastUsedAt: dateTimeSchema.nullable(),
});
export type MediaUsage = z.infer<typeof mediaUsageSchema>;

export const mediaItemSchema = z.object({
  /** What a send_media node's `mediaId` takes. */
  id: z.uuid(),
  kind: z.enum(MEDIA_KINDS),
  mimeType: z.string(),
  filename: z.string().nullable(),
  sizeBytes: z.number().int(),
  /** The size as uploaded: larger than `sizeBytes` when an image was optimised. */
  originalSizeBytes: z.number().int(),
  /** Images: the stored pixel size. */
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  createdAt: dateTimeSchema,
  /** A signed link to the file, valid for 10 minutes (for previews). */
  url: z.string(),
  usage: mediaUsageSchema,
});
export type MediaItem = z.infer<typeof mediaItemSchema>;
export const mediaPageSchema = pageSchema(mediaItemSchema);

export const renameMediaInputSchema = z.object({
  filename: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(255)
    .refine(
      (name) => !/[/\\]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 32),
      'cannot hold slashes or control characters',
    ),
});
export type RenameMediaInput = z.infer<typeof renameMediaInputSchema>;

export const mediaStorageSchema = z.object({
  /** Bytes of the library's files (what the quota counts; media customers send is not counted). */
  usedBytes: z.number().int(),
  quotaBytes: z.number().int(),
  files: z.number().int(),
});
export type MediaStorage = z.infer<typeof mediaStorageSchema>;
