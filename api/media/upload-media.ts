// Stores a file in the tenant's media library, checked against what WhatsApp will send: a known
// image, video, audio or document type, within that kind's size limit, and (for the formats with
// a reliable signature) bytes that match the declared type, since WhatsApp rejects a file that
// does not (error 131053). Flows send it later by its id (send_media `mediaId`).
import { createHash, randomUUID } from 'node:crypto';
import { mediaKey } from '#lib/media-store';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { mediaItemSelect, toMediaItem } from './media-item.ts';
import type { MultipartUpload, UploadedFile } from './multipart-upload.ts';
import { MEDIA_KINDS, MEDIA_MAX_BYTES, MEDIA_MIME_TYPES, mediaKindOf, type MediaItem } from './schemas.ts';

const LARGEST = Math.max(...Object.values(MEDIA_MAX_BYTES));

export async function uploadMedia(upload: MultipartUpload, ctx: TenantContext): Promise<MediaItem> {
  const file = await upload.read(LARGEST, (declared, filename) => {
    const kind = mediaKindOf(baseMimeType(declared, filename));
    return kind ? MEDIA_MAX_BYTES[kind] : 0;
  });
  if (!file) {
    throw AppError.field('file', 'is required: a multipart/form-data part named "file"');
  }
  const mimeType = mimeTypeOf(file);
  const id = randomUUID();
  const storageKey = mediaKey(ctx.db.tenantId, id);
  await ctx.services.mediaStore.put(storageKey, file.bytes);
  const row = await ctx.db.media
    .create({
      data: {
        id,
        tenantId: ctx.db.tenantId,
        mimeType,
        sizeBytes: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        filename: file.filename?.slice(0, 255) || null,
        storageKey,
        status: 'stored',
      },
      select: mediaItemSelect,
    })
    .catch(async (error: unknown) => {
      await ctx.services.mediaStore.delete(storageKey);
      throw error;
    });
  await audit(ctx, {
    action: 'media.uploaded',
    targetType: 'media',
    targetId: id,
    metadata: { filename: row.filename, mimeType, sizeBytes: row.sizeBytes },
  });
  return toMediaItem(row, ctx.services.jwtSecret);
}

/** The file's base MIME type once it passed WhatsApp's rules; a 400 naming `file` otherwise. */
function mimeTypeOf(file: UploadedFile): string {
  const mimeType = baseMimeType(file.mimeType, file.filename);
  const kind = mediaKindOf(mimeType);
  if (!kind) {
    const allowed = MEDIA_KINDS.flatMap((k) => MEDIA_MIME_TYPES[k]).join(', ');
    throw AppError.field(
      'file',
      `must be an image, video, audio or document WhatsApp sends (${allowed}), not ${mimeType}`,
    );
  }
  const limit = MEDIA_MAX_BYTES[kind];
  if (file.truncated || file.bytes.length > limit) {
    throw AppError.field('file', `is larger than ${limit / 1024 / 1024} MB, WhatsApp's limit for ${kind} files`);
  }
  if (file.bytes.length === 0) {
    throw AppError.field('file', 'is empty');
  }
  if (SIGNATURES[mimeType] && !SIGNATURES[mimeType](file.bytes)) {
    throw AppError.field('file', `does not hold ${mimeType} content (WhatsApp would refuse it)`);
  }
  return mimeType;
}

/** `image/png; x=y` → `image/png`; an untyped part (`application/octet-stream`) by its extension. */
function baseMimeType(declared: string, filename: string | null): string {
  const base = declared.split(';')[0]!.trim().toLowerCase();
  return base === 'application/octet-stream' ? (byExtension(filename) ?? base) : base;
}

const EXTENSIONS: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  mp4: 'video/mp4',
  '3gp': 'video/3gpp',
  aac: 'audio/aac',
  amr: 'audio/amr',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  txt: 'text/plain',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** A client that sent no type (curl without `;type=`): the file name's extension decides. */
function byExtension(filename: string | null): string | undefined {
  const extension = filename?.split('.').at(-1)?.toLowerCase();
  return extension ? EXTENSIONS[extension] : undefined;
}

const SIGNATURES: Record<string, (bytes: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'audio/ogg': (b) => b.subarray(0, 4).toString('latin1') === 'OggS',
  'video/mp4': (b) => b.subarray(4, 8).toString('latin1') === 'ftyp',
  'audio/mp4': (b) => b.subarray(4, 8).toString('latin1') === 'ftyp',
};
