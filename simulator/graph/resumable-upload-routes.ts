// A minimal Resumable Upload API (contract §9, §10): `POST /<APP_ID>/uploads?file_length&file_type`
// opens a session `upload:<id>`; `POST /upload:<id>` with the bytes (header `file_offset: 0`)
// returns the handle `h` used for profile pictures and template media headers.
import express, { type Router } from 'express';
import type { SimulatorContext } from '../core/simulator-context.ts';
import { objectId, token } from '../core/ids.ts';
import { MAX_MEDIA_BYTES } from '../media/media-rules.ts';
import { storeMedia } from '../media/store-media.ts';
import { authorizeAny } from './authenticate.ts';
import { invalidParameter } from './graph-error.ts';

type Session = { phoneNumberId: string; fileLength: number; fileType: string; fileName: string | null };

export function registerResumableUploadRoutes(router: Router, ctx: SimulatorContext): void {
  // Sessions are short-lived and not worth persisting; the handles they produce are.
  const sessions = new Map<string, Session>();

  router.post('/:appId/uploads', (req, res) => {
    const number = authorizeAny(ctx, req);
    const fileLength = Number(req.query.file_length);
    const fileType = typeof req.query.file_type === 'string' ? req.query.file_type : '';
    if (!Number.isInteger(fileLength) || fileLength <= 0 || fileLength > MAX_MEDIA_BYTES) {
      throw invalidParameter('Param file_length must be a positive integer number of bytes.');
    }
    if (!/^[\w.+-]+\/[\w.+-]+$/.test(fileType)) {
      throw invalidParameter('Param file_type must be a MIME type such as image/jpeg.');
    }
    const id = objectId(ctx.random);
    const fileName = typeof req.query.file_name === 'string' ? req.query.file_name : null;
    sessions.set(id, { phoneNumberId: number.phoneNumberId, fileLength, fileType, fileName });
    res.json({ id: `upload:${id}` });
  });

  const raw = express.raw({ type: () => true, limit: MAX_MEDIA_BYTES });
  router.get(/^\/upload:(\d+)$/, (req, res, next) => {
    const session = sessions.get(String(req.params[0]));
    if (!session) {
      return next();
    }
    authorizeAny(ctx, req);
    res.json({ id: `upload:${String(req.params[0])}`, file_offset: 0 });
  });
  router.post(/^\/upload:(\d+)$/, raw, async (req, res, next) => {
    const id = String(req.params[0]);
    const session = sessions.get(id);
    if (!session) {
      return next();
    }
    authorizeAny(ctx, req);
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (bytes.length !== session.fileLength) {
      throw invalidParameter(`Expected ${session.fileLength} bytes (file_length), received ${bytes.length}.`);
    }
    const media = await storeMedia(ctx, {
      phoneNumberId: session.phoneNumberId,
      mimeType: session.fileType,
      bytes,
      filename: session.fileName,
      origin: 'upload',
    });
    const handle = `4::${Buffer.from(session.fileType).toString('base64')}:${token(ctx.random, 40)}`;
    ctx.store.handles.set(handle, media.id);
    ctx.store.changed();
    sessions.delete(id);
    res.json({ h: handle });
  });
}
