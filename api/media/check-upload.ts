// What WhatsApp will take: a known image, video, audio or document type (or one converted on
// upload, schemas.ts MEDIA_UPLOAD_CONVERSIONS), within that kind's size limit, and (for the formats
// with a reliable signature) bytes that match the declared type, since WhatsApp rejects a file that
// does not (error 131053).
import { AppError } from '../errors.ts';
import type { UploadedFile } from './multipart-upload.ts';
import { MEDIA_KINDS, MEDIA_MIME_TYPES, MEDIA_UPLOAD_CONVERSIONS, mediaKindOf, uploadLimitOf } from './schemas.ts';

/** The file's base MIME type once it passed WhatsApp's rules; a 400 naming `file` otherwise. */
export function mimeTypeOf(file: UploadedFile): string {
  const mimeType = baseMimeType(file.mimeType, file.filename);
  const kind = mediaKindOf(mimeType);
  if (!kind) {
    const allowed = [...MEDIA_KINDS.flatMap((k) => MEDIA_MIME_TYPES[k]), ...Object.keys(MEDIA_UPLOAD_CONVERSIONS)].join(
      ', ',
    );
    throw AppError.field(
      'file',
      `must be an image, video, audio or document WhatsApp sends (${allowed}), not ${mimeType}`,
    );
  }
  const limit = uploadLimitOf(kind);
  if (file.truncated || file.bytes.length > limit) {
    const whose =
      kind === 'image' ? 'the limit for images (optimised to 5 MB for WhatsApp)' : `WhatsApp's limit for ${kind} files`;
    throw AppError.field('file', `is larger than ${limit / 1024 / 1024} MB, ${whose}`);
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
export function baseMimeType(declared: string, filename: string | null): string {
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
  webm: 'audio/webm',
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
  'audio/webm': (b) => b.length >= 4 && b.readUInt32BE(0) === 0x1a45dfa3,
  'video/mp4': (b) => b.subarray(4, 8).toString('latin1') === 'ftyp',
  'audio/mp4': (b) => b.subarray(4, 8).toString('latin1') === 'ftyp',
};
