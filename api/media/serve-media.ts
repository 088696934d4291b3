// Serves stored media at signed URLs (media-url.ts). The signature is the authorization: it was
// issued only inside a tenant-scoped response, names one media id, and expires in minutes. Also
// hands library uploads their multipart body before the JSON parser runs.
import express, { type Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../context.ts';
import { isValidMediaSignature } from './media-url.ts';
import { acceptMultipartUploads } from './multipart-upload.ts';

const querySchema = z.object({ expires: z.string().max(20), signature: z.string().max(100) });
// Types a browser could run as a page are downloaded, never shown inline.
const INLINE = /^(image\/(jpeg|png|webp|gif)|video\/(mp4|3gpp)|audio\/.+|application\/pdf)$/;

export function mediaRouter(deps: AppDeps): Router {
  const router = express.Router();
  // Mounted before the JSON parser: the upload routes (routes.ts) read their own body.
  router.post(['/api/media', '/api/inbox/attachments'], acceptMultipartUploads);
  router.get('/api/media/:mediaId/content', async (req, res) => {
    const query = querySchema.safeParse(req.query);
    const mediaId = z.uuid().safeParse(req.params.mediaId);
    if (
      !query.success ||
      !mediaId.success ||
      !isValidMediaSignature(mediaId.data, query.data.expires, query.data.signature, deps.jwtSecret)
    ) {
      res.status(403).json({ error: { code: 'FORBIDDEN', message: 'This media link is invalid or has expired' } });
      return;
    }
    const media = await deps.prisma.media.findUnique({
      where: { id: mediaId.data },
      select: { storageKey: true, mimeType: true, filename: true },
    });
    const file = media?.storageKey ? await deps.mediaStore.get(media.storageKey) : null;
    if (!media || !file) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Media not found' } });
      return;
    }
    res.setHeader('Content-Type', media.mimeType);
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('Cache-Control', 'private, max-age=600');
    const disposition = INLINE.test(media.mimeType) ? 'inline' : 'attachment';
    res.setHeader(
      'Content-Disposition',
      `${disposition}; filename="${(media.filename ?? mediaId.data).replace(/[^\w.-]/g, '_')}"`,
    );
    file.stream.pipe(res);
  });
  return router;
}
