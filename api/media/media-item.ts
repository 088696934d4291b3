// How a stored Media row becomes a library item: its kind, its usage, and a signed link for previews.
import { signedMediaPath } from './media-url.ts';
import { mediaKindOf, type MediaItem } from './schemas.ts';
import type { FileUsage } from './media-usage.ts';

export const mediaItemSelect = {
  id: true,
  mimeType: true,
  filename: true,
  sizeBytes: true,
  originalSizeBytes: true,
  width: true,
  height: true,
  messageCount: true,
  lastUsedAt: true,
  createdAt: true,
} as const;

export type MediaItemRow = {
  id: string;
  mimeType: string;
  filename: string | null;
  sizeBytes: number | null;
  originalSizeBytes: number | null;
  width: number | null;
  height: number | null;
  messageCount: number;
  lastUsedAt: Date | null;
  createdAt: Date;
};

const UNUSED: FileUsage = { flows: 0, publishedFlows: 0, templates: 0 };

export function toMediaItem(row: MediaItemRow, secret: string, usage: FileUsage = UNUSED): MediaItem {
  const { messageCount, lastUsedAt, ...item } = row;
  const sizeBytes = row.sizeBytes ?? 0;
  return {
    ...item,
    // Library rows only hold the types mediaKindOf knows (upload-media.ts checks them).
    kind: mediaKindOf(row.mimeType) ?? 'document',
    sizeBytes,
    originalSizeBytes: row.originalSizeBytes ?? sizeBytes,
    url: signedMediaPath(row.id, secret),
    usage: { messages: messageCount, ...usage, lastUsedAt },
  };
}
