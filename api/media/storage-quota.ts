// Each workspace may store up to its quota of library files: TenantSettings.mediaQuotaBytes, or
// MEDIA_QUOTA_BYTES. Media customers send is not counted (it cannot be refused). An upload that
// would pass the quota is a 413 naming `file`, with the figures; uploads of one workspace take
// turns (an advisory lock) so two at once cannot both squeeze under it.
import type { Prisma } from '#db/client';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { libraryWhere } from './list-media.ts';
import type { MediaStorage } from './schemas.ts';

type Tx = Prisma.TransactionClient;

export function getMediaStorage(ctx: TenantContext): Promise<MediaStorage> {
  return ctx.db.transaction((tx) => storageOf(tx, ctx));
}

/** Inside an upload's transaction: waits for the workspace's other uploads, then checks the quota. */
export async function reserveStorage(tx: Tx, ctx: TenantContext, bytes: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`media-quota:${ctx.db.tenantId}`}))`;
  const { usedBytes, quotaBytes } = await storageOf(tx, ctx);
  if (usedBytes + bytes > quotaBytes) {
    const message = `would pass the workspace's media storage quota: ${formatBytes(usedBytes)} of ${formatBytes(quotaBytes)} used, this file is ${formatBytes(bytes)}. Delete files you no longer need, or ask for a larger quota`;
    throw new AppError('PAYLOAD_TOO_LARGE', `file: ${message}`, {
      fields: [{ field: 'file', message }],
      usedBytes,
      quotaBytes,
      fileBytes: bytes,
    });
  }
}

async function storageOf(tx: Tx, ctx: TenantContext): Promise<MediaStorage> {
  const tenantId = ctx.db.tenantId;
  const [sum, settings] = await Promise.all([
    tx.media.aggregate({ where: { tenantId, ...libraryWhere }, _sum: { sizeBytes: true }, _count: true }),
    tx.tenantSettings.findUnique({ where: { tenantId }, select: { mediaQuotaBytes: true } }),
  ]);
  return {
    usedBytes: sum._sum.sizeBytes ?? 0,
    quotaBytes: Number(settings?.mediaQuotaBytes ?? ctx.services.env.MEDIA_QUOTA_BYTES),
    files: sum._count,
  };
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
