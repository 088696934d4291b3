// How a stored Media row becomes a library item: its kind, and a signed link for previews.
import { signedMediaPath } from './media-url.ts';
import { mediaKindOf, type MediaItem } from './schemas.ts';

export const mediaItemSelect = {
  id: true,
  mimeType: true,
  filename: true,
  sizeBytes: true,
  createdAt: true,
} as const;

type MediaItemRow = {
  id: string;
  mimeType: string;
  filename: string | null;
  sizeBytes: number | null;
  createdAt: Date;
};

export function toMediaItem(row: MediaItemRow, secret: string): MediaItem {
  return {
    ...row,
    // Library rows only hold the types mediaKindOf knows (upload-media.ts checks them).
    kind: mediaKindOf(row.mimeType) ?? 'document',
    sizeBytes: row.sizeBytes ?? 0,
    url: signedMediaPath(row.id, secret),
  };
}
