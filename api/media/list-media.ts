// The media library: files uploaded to Parley, never the media customers sent (those arrive with a
// WhatsApp media id and belong to the inbox, behind inbox.view). Searchable by file name,
// filterable by kind, in four orders, a cursor page at a time, each file with its usage.
import type { Prisma } from '#db/client';
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { toPage } from '../http/pagination.ts';
import { mediaItemSelect, toMediaItem } from './media-item.ts';
import { mediaUsage } from './media-usage.ts';
import { MEDIA_MIME_TYPES, type ListMediaQuery, type MediaItem } from './schemas.ts';

/** Where a library file is: stored, uploaded (no WhatsApp id), with bytes. */
export const libraryWhere = {
  status: 'stored',
  providerMediaId: null,
  storageKey: { not: null },
} satisfies Prisma.MediaWhereInput;

const ORDERS: Record<ListMediaQuery['sort'], Prisma.MediaOrderByWithRelationInput[]> = {
  newest: [{ createdAt: 'desc' }, { id: 'desc' }],
  oldest: [{ createdAt: 'asc' }, { id: 'asc' }],
  name: [{ filename: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
  largest: [{ sizeBytes: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
};

export async function listMedia(query: ListMediaQuery, ctx: TenantContext): Promise<Page<MediaItem>> {
  const rows = await ctx.db.media.findMany({
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    orderBy: ORDERS[query.sort],
    where: {
      ...libraryWhere,
      ...(query.kind ? { mimeType: { in: [...MEDIA_MIME_TYPES[query.kind]] } } : {}),
      ...(query.search ? { filename: { contains: query.search, mode: 'insensitive' } } : {}),
    },
    select: mediaItemSelect,
  });
  const usage = await mediaUsage(
    rows.slice(0, query.limit).map((row) => row.id),
    ctx,
  );
  return toPage(rows, query, (row) => toMediaItem(row, ctx.services.jwtSecret, usage.get(row.id)));
}
