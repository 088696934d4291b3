// Media endpoints (contract §8): upload (multipart), retrieve a short-lived download URL, download
// it with the bearer token, delete. URLs expire after `mediaUrlTtlMs` (5 minutes): then 404.
import type { Request, Router } from 'express';
import type { SimulatorContext } from '../core/simulator-context.ts';
import { token } from '../core/ids.ts';
import { authorize } from '../graph/authenticate.ts';
import { GraphError, invalidParameter } from '../graph/graph-error.ts';
import { baseMimeType, mediaProblem } from './media-rules.ts';
import { parseMediaUpload } from './parse-media-upload.ts';
import { deleteMedia, liveMedia, storeMedia } from './store-media.ts';

export const DOWNLOAD_PATH = '/_media-download';

export function registerMediaRoutes(router: Router, ctx: SimulatorContext): void {
  // Drop expired download grants now and then so the map does not grow forever.
  router.use((_req, _res, next) => {
    if (ctx.downloads.size > 1000) {
      for (const [key, grant] of ctx.downloads) {
        if (grant.expiresAt <= ctx.now()) {
          ctx.downloads.delete(key);
        }
      }
    }
    next();
  });

  router.post('/:id/media', async (req, res, next) => {
    const number = ctx.store.numbers.get(req.params.id);
    if (!number) {
      return next();
    }
    authorize(ctx, req, [number]);
    const { fields, file } = await parseMediaUpload(req);
    if ((fields.messaging_product ?? req.query.messaging_product) !== 'whatsapp') {
      throw invalidParameter('The parameter messaging_product is required and must be "whatsapp".');
    }
    if (!file) {
      throw invalidParameter('The parameter file is required.');
    }
    const declared = file.mimeType && file.mimeType !== 'application/octet-stream' ? file.mimeType : fields.type;
    const mimeType = baseMimeType(declared ?? '');
    const problem = file.truncated ? `File too large for ${mimeType}.` : mediaProblem(mimeType, file.bytes);
    if (problem) {
      throw new GraphError(131053, problem);
    }
    const media = await storeMedia(ctx, {
      phoneNumberId: number.phoneNumberId,
      mimeType,
      bytes: file.bytes,
      filename: file.filename,
      origin: 'business',
    });
    res.json({ id: media.id });
  });

  router.get('/:id', (req, res, next) => {
    const media = liveMedia(ctx, req.params.id);
    if (!media) {
      return next();
    }
    authorizeForMedia(ctx, req, media.phoneNumberId);
    const expected = req.query.phone_number_id;
    if (typeof expected === 'string' && expected !== media.phoneNumberId) {
      throw invalidParameter('Param phone_number_id does not match the phone number that uploaded this media.');
    }
    const download = token(ctx.random, 32);
    ctx.downloads.set(download, { mediaId: media.id, expiresAt: ctx.now() + ctx.options.mediaUrlTtlMs });
    res.json({
      messaging_product: 'whatsapp',
      url: `${String(res.locals.simulatorBase)}${DOWNLOAD_PATH}/${download}`,
      mime_type: media.mimeType,
      sha256: media.sha256,
      file_size: String(media.fileSize),
      id: media.id,
    });
  });

  router.delete('/:id', async (req, res, next) => {
    const media = liveMedia(ctx, req.params.id);
    if (!media) {
      return next();
    }
    authorizeForMedia(ctx, req, media.phoneNumberId);
    await deleteMedia(ctx, media.id);
    res.json({ success: true });
  });

  router.get(`${DOWNLOAD_PATH}/:token`, async (req, res) => {
    const grant = ctx.downloads.get(req.params.token);
    const media = grant && grant.expiresAt > ctx.now() ? liveMedia(ctx, grant.mediaId) : undefined;
    if (!grant || !media) {
      // Meta answers an expired or unknown media URL with 404; the client re-fetches the URL.
      res.status(404).json(new GraphError(100, 'The media URL has expired or does not exist.').envelope(ctx.random));
      return;
    }
    authorizeForMedia(ctx, req, media.phoneNumberId);
    const bytes = await ctx.media.get(media.id);
    if (!bytes) {
      res.status(404).end();
      return;
    }
    res.type(media.mimeType).send(bytes);
  });
}

/** Media belongs to a number; any number of the same WABA may use it. */
function authorizeForMedia(ctx: SimulatorContext, req: Request, phoneNumberId: string) {
  const owner = ctx.store.numbers.get(phoneNumberId);
  authorize(ctx, req, owner ? ctx.store.numbersInWaba(owner.wabaId) : []);
}
