// One library file: read with its usage, renamed, or deleted. A file that a published flow sends
// cannot be deleted (the flow would fail at that step): a 409 naming the flows. Otherwise the
// file goes, with its bytes; messages that sent it keep their text and lose the attachment, and
// drafts or templates that name it will ask for another file.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { libraryWhere } from './list-media.ts';
import { mediaItemSelect, toMediaItem } from './media-item.ts';
import { mediaUsage } from './media-usage.ts';
import type { MediaItem, RenameMediaInput } from './schemas.ts';

export async function getMedia(mediaId: string, ctx: TenantContext): Promise<MediaItem> {
  const row = await ctx.db.media.findFirst({ where: { id: mediaId, ...libraryWhere }, select: mediaItemSelect });
  if (!row) {
    throw AppError.notFound('Media');
  }
  const usage = await mediaUsage([mediaId], ctx);
  return toMediaItem(row, ctx.services.jwtSecret, usage.get(mediaId));
}

export async function renameMedia(mediaId: string, input: RenameMediaInput, ctx: TenantContext): Promise<MediaItem> {
  const before = await getMedia(mediaId, ctx);
  await ctx.db.media.update({ where: { id: mediaId }, data: { filename: input.filename } });
  await audit(ctx, {
    action: 'media.renamed',
    targetType: 'media',
    targetId: mediaId,
    metadata: { from: before.filename, to: input.filename },
  });
  return { ...before, filename: input.filename };
}

export async function deleteMedia(mediaId: string, ctx: TenantContext): Promise<void> {
  const media = await getMedia(mediaId, ctx);
  if (media.usage.publishedFlows > 0) {
    const flows = await publishedFlowNames(mediaId, ctx);
    throw AppError.field(
      'mediaId',
      `is sent by published flow${flows.length === 1 ? '' : 's'} ${flows.map((name) => `"${name}"`).join(', ')}: publish them without it first`,
      'CONFLICT',
    );
  }
  const row = await ctx.db.media.delete({ where: { id: mediaId }, select: { storageKey: true } });
  if (row.storageKey) {
    await ctx.services.mediaStore.delete(row.storageKey);
  }
  await audit(ctx, {
    action: 'media.deleted',
    targetType: 'media',
    targetId: mediaId,
    metadata: { filename: media.filename, sizeBytes: media.sizeBytes, usage: media.usage },
  });
}

async function publishedFlowNames(mediaId: string, ctx: TenantContext): Promise<string[]> {
  const rows = await ctx.db.transaction(
    (tx) => tx.$queryRaw<Array<{ name: string }>>`
      SELECT f."name" FROM "Flow" f JOIN "FlowVersion" v ON v."id" = f."activeVersionId"
      WHERE f."tenantId" = ${ctx.db.tenantId}::uuid
        AND jsonb_path_exists(v."document", '$.**.mediaId ? (@ == $id)', jsonb_build_object('id', ${mediaId}::text))
      ORDER BY f."name"`,
  );
  return rows.map((row) => row.name);
}
