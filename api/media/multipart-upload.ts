// Uploads are declared like every route (register-routes.ts parses, authenticates, checks the
// permission), but their body is a multipart stream, not JSON. `acceptMultipartUploads` (mounted
// before the JSON parser, in mediaRouter) puts a reader on `req.body.file` instead of the bytes,
// and the operation reads it only after the route let the caller in: nobody can make the server
// buffer a file without the permission to upload one. Bytes past the file type's limit are
// dropped as they arrive, so an oversized file is never held whole.
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.ts';

export type UploadedFile = { bytes: Buffer; mimeType: string; filename: string | null; truncated: boolean };

export class MultipartUpload {
  constructor(private readonly request: IncomingMessage) {}

  /**
   * The part named `file` (null when there is none), kept up to `limitOf(mimeType, filename)`
   * bytes: past that it is `truncated` and the rest is read but dropped. `maxBytes` caps any type.
   */
  read(maxBytes: number, limitOf: (mimeType: string, filename: string | null) => number): Promise<UploadedFile | null> {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: this.request.headers, limits: { files: 1, fields: 20, fileSize: maxBytes + 1 } });
    } catch {
      return Promise.reject(AppError.field('file', 'must be sent as multipart/form-data'));
    }
    return new Promise((resolve, reject) => {
      let file: Promise<UploadedFile> | null = null;
      parser.on('file', (name, stream, info) => {
        if (name !== 'file' || file) {
          stream.resume();
          return;
        }
        const filename = info.filename ?? null;
        const limit = Math.min(maxBytes, limitOf(info.mimeType, filename));
        file = new Promise((done) => {
          const chunks: Buffer[] = [];
          let size = 0;
          let truncated = false;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            truncated ||= size > limit;
            if (!truncated) {
              chunks.push(chunk);
            }
          });
          stream.on('limit', () => (truncated = true));
          stream.on('end', () => done({ bytes: Buffer.concat(chunks), mimeType: info.mimeType, filename, truncated }));
        });
      });
      parser.on('error', () => reject(AppError.field('file', 'the multipart body could not be read')));
      parser.on('close', () => resolve(file ?? Promise.resolve(null)));
      this.request.pipe(parser);
    });
  }
}

/** The body schema of an upload route: `{ file }` holds the reader (400 naming `file` otherwise, no body included). */
export const multipartUploadBodySchema = z
  .object({
    file: z
      .custom<MultipartUpload>((value) => value instanceof MultipartUpload, {
        message: 'must be a multipart/form-data part named "file"',
      })
      .meta({ type: 'string', format: 'binary', description: 'Sent as multipart/form-data, in a part named `file`.' }),
  })
  // No body at all is parsed as {}, so it too is a 400 naming `file` (the schema then refuses it).
  .prefault(() => ({}) as { file: MultipartUpload });

/** Express middleware for the upload paths: a multipart request gets a reader as its body. */
export const acceptMultipartUploads: RequestHandler = (req, _res, next) => {
  if (req.is('multipart/form-data')) {
    req.body = { file: new MultipartUpload(req) };
  }
  next();
};
