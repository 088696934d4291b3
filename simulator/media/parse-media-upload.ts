// Reads a multipart media upload (contract §8: `messaging_product`, `file`, optional `type`).
// busboy streams the parts, so a file over the largest allowed size is cut off instead of being
// buffered whole; the per-type size check happens once the MIME type is known.
import busboy from 'busboy';
import type { Request } from 'express';
import { invalidParameter } from '../graph/graph-error.ts';
import { MAX_MEDIA_BYTES } from './media-rules.ts';

export type MediaUpload = {
  fields: Record<string, string>;
  file: { bytes: Buffer; mimeType: string; filename: string | null; truncated: boolean } | null;
};

export function parseMediaUpload(req: Request): Promise<MediaUpload> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { files: 1, fields: 20, fileSize: MAX_MEDIA_BYTES + 1 } });
  } catch {
    return Promise.reject(invalidParameter('The upload must be multipart/form-data with a file part.'));
  }
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let file: MediaUpload['file'] = null;
    let fileDone: Promise<void> = Promise.resolve();
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let truncated = false;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => (truncated = true));
      fileDone = new Promise((done) =>
        stream.on('end', () => {
          file = { bytes: Buffer.concat(chunks), mimeType: info.mimeType, filename: info.filename ?? null, truncated };
          done();
        }),
      );
    });
    parser.on('error', () => reject(invalidParameter('The multipart body could not be read.')));
    parser.on('close', () => void fileDone.then(() => resolve({ fields, file })));
    req.pipe(parser);
  });
}
