// The media library, newest first: files uploaded to Parley, never the media customers sent
// (those arrive with a WhatsApp media id and belong to the inbox, behind inbox.view).
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { pageArgs, toPage } from '../http/pagination.ts';
import { mediaItemSelect, toMediaItem } from './media-item.ts';
import { MEDIA_MIME_TYPES, type ListMediaQuery, type MediaItem } from './schemas.ts';

export async function listMedia(query: ListMediaQuery, ctx: TenantContext): Promise<Page<MediaItem>> {
  const rows = await ctx.db.media.findMany({
    ...pageArgs(query),
    where: {
      status: 'stored',
      providerMediaId: null,
      storageKey: { not: null },
      ...(query.kind ? { mimeType: { in: [...MEDIA_MIME_TYPES[query.kind]] } } : {}),
    },
    select: mediaItemSelect,
  });
  return toPage(rows, query, (row) => toMediaItem(row, ctx.services.jwtSecret));
}
