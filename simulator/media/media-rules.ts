// Supported media types and sizes (contract §8), and a content sniff for the formats with a
// reliable signature: Meta rejects a file whose bytes do not match its MIME type (131053).
const MB = 1024 * 1024;

export const MEDIA_TYPES: Record<string, { kind: MediaKind; maxBytes: number }> = {
  'audio/aac': { kind: 'audio', maxBytes: 16 * MB },
  'audio/amr': { kind: 'audio', maxBytes: 16 * MB },
  'audio/mpeg': { kind: 'audio', maxBytes: 16 * MB },
  'audio/mp4': { kind: 'audio', maxBytes: 16 * MB },
  'audio/ogg': { kind: 'audio', maxBytes: 16 * MB },
  'text/plain': { kind: 'document', maxBytes: 100 * MB },
  'application/pdf': { kind: 'document', maxBytes: 100 * MB },
  'application/msword': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.ms-excel': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.ms-powerpoint': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { kind: 'document', maxBytes: 100 * MB },
  'image/jpeg': { kind: 'image', maxBytes: 5 * MB },
  'image/png': { kind: 'image', maxBytes: 5 * MB },
  // Meta: 100 KB static, 500 KB animated; which one a file is we do not parse, so the larger.
  'image/webp': { kind: 'sticker', maxBytes: 500 * 1024 },
  'video/mp4': { kind: 'video', maxBytes: 16 * MB },
  'video/3gpp': { kind: 'video', maxBytes: 16 * MB },
  'video/3gp': { kind: 'video', maxBytes: 16 * MB },
};

export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

/** The largest file any supported type allows: uploads stop reading beyond it. */
export const MAX_MEDIA_BYTES = Math.max(...Object.values(MEDIA_TYPES).map((t) => t.maxBytes));

/** `audio/ogg; codecs=opus` → `audio/ogg`. */
export function baseMimeType(mimeType: string): string {
  return mimeType.split(';')[0]!.trim().toLowerCase();
}

export function mediaTypeOf(mimeType: string) {
  return MEDIA_TYPES[baseMimeType(mimeType)];
}

/** Whether a stored file can be sent as a message of this type (any file can be a document). */
export function fitsMessageType(mimeType: string, type: MediaKind): boolean {
  const kind = mediaTypeOf(mimeType)?.kind;
  return type === 'document' ? kind !== undefined : kind === type;
}

const SIGNATURES: Record<string, (bytes: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'audio/ogg': (b) => b.subarray(0, 4).toString('latin1') === 'OggS',
  'video/mp4': (b) => b.subarray(4, 8).toString('latin1') === 'ftyp',
  'audio/mp4': (b) => b.subarray(4, 8).toString('latin1') === 'ftyp',
};

/** Checks a file against its declared type; the problem as Meta-style details, or null. */
export function mediaProblem(mimeType: string, bytes: Buffer): string | null {
  const base = baseMimeType(mimeType);
  const type = MEDIA_TYPES[base];
  if (!type) {
    return `Param file must be a file with one of the following types: ${Object.keys(MEDIA_TYPES).join(', ')}. Received file of type '${base}'.`;
  }
  if (bytes.length > type.maxBytes) {
    return `File too large: ${bytes.length} bytes; ${base} allows at most ${type.maxBytes} bytes.`;
  }
  if (bytes.length === 0) {
    return 'The file is empty.';
  }
  const matches = SIGNATURES[base];
  if (matches && !matches(bytes)) {
    return `The file content does not match its MIME type '${base}'.`;
  }
  return null;
}
