// The Express application: middleware, the API routes, the docs and (in production mode) the
// built web app. Built from explicit dependencies so tests run it in-process against their own
// database and Temporal server.
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from './context.ts';
import { docsRouter } from './docs/serve-docs.ts';
import { createErrorHandler, notFoundHandler } from './http/error-handler.ts';
import { registerRoutes } from './http/register-routes.ts';
import { allRoutes } from './routes.ts';
import { mediaRouter } from './media/serve-media.ts';
import { acceptMultipartUploads } from './media/multipart-upload.ts';
import { sandboxMediaRouter } from './sandbox/sandbox-media.ts';
import { whatsappWebhookRouter } from './webhooks/whatsapp-webhook.ts';

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.env.TRUST_PROXY);
  // Meta's webhooks come first: verified against their raw bytes (before any body parser) and
  // kept off the per-request logging that would cost more than the ingestion itself at 1,000/s.
  app.use(whatsappWebhookRouter(deps, deps.channelSecrets));
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // One line per API call; webhooks (up to 1,000/s) and static files are not logged per request.
      autoLogging: { ignore: (req) => !req.url?.startsWith('/api/') || req.url.startsWith('/api/docs/assets') },
    }),
  );
  app.use(securityHeaders);
  app.use(mediaRouter(deps));
  // Contact imports upload CSV and Excel files the same way (api/contact-imports/routes.ts).
  app.post('/api/contact-imports', acceptMultipartUploads);
  app.use(sandboxMediaRouter(deps));
  app.use(cookieParser());
  // The Sandbox phone sends media as base64 (a 5 MB image is ~7 MB of JSON); everything else stays small.
  app.use('/api/sandbox/customers', express.json({ limit: '8mb' }));
  app.use(express.json({ limit: '1mb' }));

  app.get('/api/health', async (_req, res) => {
    await deps.prisma.$queryRaw`SELECT 1`;
    res.json({ status: 'ok' });
  });
  app.use(docsRouter(allRoutes, deps.env));
  const api = express.Router();
  registerRoutes(api, allRoutes, deps);
  app.use(api);
  app.use('/api', notFoundHandler);

  if (deps.webDistDir && existsSync(path.join(deps.webDistDir, 'index.html'))) {
    serveWebApp(app, deps.webDistDir);
  }
  app.use(createErrorHandler(deps.logger));
  return app;
}

function serveWebApp(app: Express, distDir: string): void {
  app.use('/assets', express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y' }));
  app.use(express.static(distDir, { index: false }));
  // Client-side routes (/inbox, /settings/api-keys, ...) all load the single page.
  app.get(/^\/(?!api\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(distDir, 'index.html'));
  });
}

const securityHeaders: express.RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'same-origin');
  next();
};
