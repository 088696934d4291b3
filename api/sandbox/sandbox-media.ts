// Media shown on the Sandbox phone (what the business sent to a simulated customer) lives in the
// simulator; Parley relays it at a signed URL like its own media.
import express, { type Router } from 'express';
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { safeEqual } from '#lib/tokens';
import type { AppDeps } from '../context.ts';

const TTL_SECONDS = 600;
const querySchema = z.object({ expires: z.string().regex(/^\d+$/), signature: z.string().max(100) });

export function signedSandboxMediaPath(mediaId: string, secret: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + TTL_SECONDS;
  return `/api/sandbox/media/${encodeURIComponent(mediaId)}?expires=${expires}&signature=${sign(mediaId, expires, secret)}`;
}

export function sandboxMediaRouter(deps: AppDeps): Router {
  const router = express.Router();
  router.get('/api/sandbox/media/:mediaId', async (req, res) => {
    const query = querySchema.safeParse(req.query);
    const mediaId = req.params.mediaId;
    const valid =
      query.success &&
      Number(query.data.expires) * 1000 > Date.now() &&
      safeEqual(query.data.signature, sign(mediaId, Number(query.data.expires), deps.jwtSecret));
    if (!valid || !deps.sandbox) {
      res.status(403).json({ error: { code: 'FORBIDDEN', message: 'This media link is invalid or has expired' } });
      return;
    }
    const upstream = await fetch(`${deps.sandbox.controlUrl}/media/${encodeURIComponent(mediaId)}`);
    if (!upstream.ok || !upstream.body) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Media not found' } });
      return;
    }
    res.setHeader('Content-Type', upstream.headers.get('content-type') ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'private, max-age=600');
    res.setHeader('Content-Disposition', 'inline');
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  return router;
}

function sign(mediaId: string, expires: number, secret: string): string {
  return createHmac('sha256', `sandbox-media:${secret}`).update(`${mediaId}.${expires}`).digest('base64url');
}
