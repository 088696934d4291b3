// Turns route declarations into Express handlers: parse input with zod, authenticate, check the
// permission, apply rate limits, build the context, call the handler and parse its response.
import { once } from 'node:events';
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { createTenantDb } from '#db/tenant-db';
import type { AppDeps, CookieJar, Principal, RequestMeta } from '../context.ts';
import { AppError, type FieldIssue } from '../errors.ts';
import { authenticate } from '../auth/authenticate.ts';
import { fileResponseSchema, type Access, type Route } from './define-route.ts';
import { consumePoint, type RateLimitState } from './rate-limits.ts';

export function registerRoutes(router: Router, routes: Route[], deps: AppDeps): void {
  for (const route of routes) {
    router[route.spec.method](route.spec.path, async (req: Request, res: Response) => {
      const result = await handle(route, req, res, deps);
      const status = route.spec.successStatus ?? (route.spec.response ? 200 : 204);
      if (route.spec.file) {
        const file = fileResponseSchema.parse(result);
        res.status(status).type(route.spec.file.contentType).attachment(file.filename);
        if (typeof file.content === 'string') {
          res.send(file.content);
        } else {
          await streamFile(res, file.content);
        }
      } else if (route.spec.response) {
        res.status(status).json(z.encode(route.spec.response, result));
      } else {
        res.status(status).end();
      }
    });
  }
}

/** Writes the chunks as they come, waiting while the client is slow; a failure mid-way cuts the download. */
async function streamFile(res: Response, chunks: AsyncIterable<string>): Promise<void> {
  try {
    for await (const chunk of chunks) {
      if (!res.write(chunk)) {
        await once(res, 'drain');
      }
    }
    res.end();
  } catch (error) {
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

async function handle(route: Route, req: Request, res: Response, deps: AppDeps): Promise<unknown> {
  const meta = requestMeta(req);
  const { access, spec } = route;
  if (access.kind === 'public') {
    setRateLimitHeaders(res, await consumePoint(deps.rateLimits.anonymous, `ip:${meta.ip}`));
  }
  const principal = access.kind === 'public' ? null : await authorize(access, req, res, deps);
  const input = {
    params: parsePart(spec.params, req.params, 'path'),
    query: parsePart(spec.query, req.query, 'query'),
    body: parsePart(spec.body, req.body, 'body'),
  };
  const cookies = cookieJar(req, res, deps);
  if (access.kind === 'tenant' && principal) {
    const { prisma: _unscoped, ...services } = deps;
    const ctx = { services, meta, principal, db: createTenantDb(deps.prisma, principal.tenantId) };
    return (route.handler as (i: unknown, c: unknown) => Promise<unknown>)(input, ctx);
  }
  const ctx = principal ? { deps, meta, cookies, principal } : { deps, meta, cookies };
  return (route.handler as (i: unknown, c: unknown) => Promise<unknown>)(input, ctx);
}

async function authorize(
  access: Exclude<Access, { kind: 'public' }>,
  req: Request,
  res: Response,
  deps: AppDeps,
): Promise<Principal> {
  const principal = await authenticate(req.headers, deps);
  if (access.kind === 'user') {
    if (principal.kind !== 'user') {
      throw new AppError('FORBIDDEN', 'This endpoint is for signed-in users, not API keys');
    }
    return principal;
  }
  if (principal.kind === 'apiKey' && !access.apiKeys) {
    throw new AppError('FORBIDDEN', 'This endpoint is for signed-in users, not API keys');
  }
  if (principal.kind === 'user' && principal.mfaEnrollmentRequired) {
    throw new AppError('MFA_ENROLLMENT_REQUIRED', 'This workspace requires two-factor authentication: set it up first');
  }
  if (access.permission && !principal.permissions.has(access.permission)) {
    throw new AppError('FORBIDDEN', `Your role lacks the "${access.permission}" permission`);
  }
  setRateLimitHeaders(res, await consumePoint(deps.rateLimits.tenant, principal.tenantId));
  if (principal.kind === 'apiKey') {
    setRateLimitHeaders(res, await consumePoint(deps.rateLimits.apiKey, principal.apiKeyId));
  }
  return principal;
}

function parsePart(schema: z.ZodType | undefined, value: unknown, location: 'path' | 'query' | 'body'): unknown {
  if (!schema) {
    return undefined;
  }
  const parsed = schema.safeParse(value ?? (location === 'body' ? undefined : {}));
  if (parsed.success) {
    return parsed.data;
  }
  const fields: FieldIssue[] = parsed.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : location,
    in: location,
    message: issue.message,
  }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  throw new AppError('VALIDATION_FAILED', `Invalid request: ${summary}`, { fields });
}

/** Sets the headers of the tightest limit seen so far for this request. */
function setRateLimitHeaders(res: Response, state: RateLimitState): void {
  const current = Number(res.getHeader('X-RateLimit-Remaining') ?? Infinity);
  if (state.remaining <= current) {
    res.setHeader('X-RateLimit-Limit', state.limit);
    res.setHeader('X-RateLimit-Remaining', state.remaining);
    res.setHeader('X-RateLimit-Reset', state.resetSeconds);
  }
}

function requestMeta(req: Request): RequestMeta {
  return { ip: req.ip ?? 'unknown', userAgent: req.get('user-agent') ?? null, requestId: String(req.id) };
}

function cookieJar(req: Request, res: Response, deps: AppDeps): CookieJar {
  const secure = deps.env.NODE_ENV === 'production' && (deps.env.PUBLIC_URL ?? '').startsWith('https:');
  return {
    get: (name) => (req.cookies as Record<string, string> | undefined)?.[name],
    set: (name, value, options) =>
      res.cookie(name, value, {
        httpOnly: true,
        sameSite: 'strict',
        secure,
        path: options.path,
        maxAge: options.maxAgeSeconds * 1000,
      }),
    clear: (name, path) => res.clearCookie(name, { httpOnly: true, sameSite: 'strict', secure, path }),
  };
}
