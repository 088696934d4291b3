// /api/openapi.json and the rendered reference at /api/docs (Swagger UI, served from the
// swagger-ui-dist package so the docs work offline).
import express, { type Router } from 'express';
import swaggerUi from 'swagger-ui-dist';
import { publicUrl, type Env } from '#lib/env';
import type { Route } from '../http/define-route.ts';
import { buildOpenApiDocument } from '../http/openapi.ts';

const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Parley API reference</title>
    <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>`;

const INIT_SCRIPT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true });`;

export function docsRouter(routes: Route[], env: Env): Router {
  const router = express.Router();
  const document = buildOpenApiDocument(routes, publicUrl(env));
  router.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.get(['/api/docs', '/api/docs/'], (_req, res) => {
    res.type('html').send(DOCS_PAGE);
  });
  router.get('/api/docs/init.js', (_req, res) => {
    res.type('js').send(INIT_SCRIPT);
  });
  router.use('/api/docs/assets', express.static(swaggerUi.getAbsoluteFSPath(), { index: false, maxAge: '1d' }));
  return router;
}
