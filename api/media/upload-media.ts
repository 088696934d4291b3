// Stores a file in the tenant's media library, checked against what WhatsApp will send
// (check-upload.ts), converted or optimised where needed (convert-upload.ts) and counted against
// the workspace's storage quota (storage-quota.ts). Flows send it later by its id (send_media
// `mediaId`), agents in the inbox (`content.<type>.id`).
import { createHash, randomUUID } from 'node:crypto';
import { mediaKey } from '#lib/media-store';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { baseMimeType, mimeTypeOf } from './check-upload.ts';
import { convertUpload } from './convert-upload.ts';
import { mediaItemSelect, toMediaItem } from './media-item.ts';
import type { MultipartUpload } from './multipart-upload.ts';
import { MEDIA_KINDS, mediaKindOf, uploadLimitOf, type MediaItem } from './schemas.ts';
import { reserveStorage } from './storage-quota.ts';

const LARGEST = Math.max(...MEDIA_KINDS.map(uploadLimitOf));

export async function uploadMedia(upload: MultipartUpload, ctx: TenantContext): Promise<MediaItem> {
  const file = await upload.read(LARGEST, (declared, filename) => {
    const kind = mediaKindOf(baseMimeType(declared, filename));
    return kind ? uploadLimitOf(kind) : 0;
  });
  if (!file) {
    throw AppError.field('file', 'is required: a multipart/form-data part named "file"');
  }
  const stored = await convertUpload({
    bytes: file.bytes,
    mimeType: mimeTypeOf(file),
    filename: file.filename?.slice(0, 255) || null,
  });
  const { mimeType } = stored;
  const id = randomUUID();
  const storageKey = mediaKey(ctx.db.tenantId, id);
  await ctx.services.mediaStore.put(storageKey, stored.bytes);
  const row = await ctx.db
    .transaction(
      async (tx) => {
        await reserveStorage(tx, ctx, stored.bytes.length);
        return tx.media.create({
          data: {
            id,
            tenantId: ctx.db.tenantId,
            mimeType,
            sizeBytes: stored.bytes.length,
            originalSizeBytes: file.bytes.length,
            width: stored.width ?? null,
            height: stored.height ?? null,
            sha256: createHash('sha256').update(stored.bytes).digest('hex'),
            filename: stored.filename,
            storageKey,
            status: 'stored',
          },
          select: mediaItemSelect,
        });
        // Uploads of one workspace queue on the quota lock: give the queue time.
      },
      { maxWait: 10_000, timeout: 30_000 },
    )
    .catch(async (error: unknown) => {
      await ctx.services.mediaStore.delete(storageKey);
      throw error;
    });
  await audit(ctx, {
    action: 'media.uploaded',
    targetType: 'media',
    targetId: id,
    metadata: { filename: row.filename, mimeType, sizeBytes: row.sizeBytes, originalSizeBytes: file.bytes.length },
  });
  return toMediaItem(row, ctx.services.jwtSecret);
}
