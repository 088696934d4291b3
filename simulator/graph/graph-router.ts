// The Graph API surface (contract §0): an optional `/vNN.N` prefix, bearer auth per object, and
// Meta's error envelope for everything, including routes and objects that do not exist.
import express, { type RequestHandler, type Router } from 'express';
import type { SimulatorContext } from '../core/simulator-context.ts';
import { registerMediaRoutes } from '../media/media-routes.ts';
import { registerTemplateRoutes } from '../templates/template-routes.ts';
import { authorizeAny } from './authenticate.ts';
import { registerBusinessProfileRoutes } from './business-profile-routes.ts';
import { graphErrorHandler, unsupportedRequest } from './graph-error.ts';
import { GRAPH_BODY_LIMIT_BYTES, registerMessagesRoutes } from './messages-routes.ts';
import { registerPhoneNumberRoutes } from './phone-number-routes.ts';
import { registerResumableUploadRoutes } from './resumable-upload-routes.ts';

export function createGraphRouter(ctx: SimulatorContext): Router {
  const router = express.Router();
  router.use(stripVersionPrefix);
  router.use(express.json({ limit: GRAPH_BODY_LIMIT_BYTES }));
  // Each domain claims the objects it knows and passes the others on (`next()`), so `/:id` can
  // be a phone number, a media object or a template, as on Graph.
  registerPhoneNumberRoutes(router, ctx);
  registerMessagesRoutes(router, ctx);
  registerMediaRoutes(router, ctx);
  registerTemplateRoutes(router, ctx);
  registerBusinessProfileRoutes(router, ctx);
  registerResumableUploadRoutes(router, ctx);
  router.use((req) => {
    // Unknown objects still need a valid token first: Meta answers 190 before it looks anything up.
    authorizeAny(ctx, req);
    throw unsupportedRequest(req.method, req.path.split('/')[1] ?? '');
  });
  router.use(graphErrorHandler(ctx.random));
  return router;
}

/** `/v24.0/123/messages` → `/123/messages`; any `vNN.N` (or none) behaves as the newest. */
const stripVersionPrefix: RequestHandler = (req, _res, next) => {
  const match = /^\/v\d+(?:\.\d+)?(?=\/|\?|$)/.exec(req.url);
  if (match) {
    req.url = req.url.slice(match[0].length) || '/';
    if (req.url.startsWith('?')) {
      req.url = `/${req.url}`;
    }
  }
  next();
};
