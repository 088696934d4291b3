// Turns route declarations into Express handlers: parse input with zod, authenticate, check the
// IP allow-list and the permission, apply rate limits, log the request, honour Idempotency-Key,
// build the context, call the handler and parse its response.
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { createTenantDb } from '#db/tenant-db';
import type { AppDeps, CookieJar, Principal, RequestMeta } from '../context.ts';
import { AppError, type FieldIssue } from '../errors.ts';
import { authenticate } from '../auth/authenticate.ts';
import type { Access, Route } from './define-route.ts';
import { beginIdempotentRequest, failIdempotentRequest, type IdempotentRequest } from './idempotent-request.ts';
import { assertIpAllowed } from './ip-allow-list.ts';
import { logRequestWhenFinished } from './log-request.ts';
import { consumePoint, type RateLimitState } from './rate-limits.ts';
import { respond } from './respond.ts';
import { tenantLimiter } from './tenant-rate-limit.ts';

const REPLAYED = Symbol('replayed');

export function registerRoutes(router: Router, routes: Route[], deps: AppDeps): void {
  for (const route of routes) {
    router[route.spec.method](route.spec.path, async (req: Request, res: Response) => {
      const idempotent: { request: IdempotentRequest } = { request: null };
      try {
        const result = await handle(route, req, res, deps, idempotent);
        if (result !== REPLAYED) {
          await respond(route, res, deps, result, idempotent.request);
        }
      } catch (error) {
        await failIdempotentRequest(deps, idempotent.request, error);
        throw error;
      }
    });
  }
}

async function handle(
  route: Route,
  req: Request,
  res: Response,
  deps: AppDeps,
  idempotent: { request: IdempotentRequest },
): Promise<unknown> {
  const meta = requestMeta(req);
  const { access, spec } = route;
  if (access.kind === 'public') {
    setRateLimitHeaders(res, await consumePoint(deps.rateLimits.anonymous, `ip:${meta.ip}`));
  }
  const principal = access.kind === 'public' ? null : await authorize(route, req, res, deps, meta);
  if (principal && access.kind === 'tenant') {
    idempotent.request = await beginIdempotentRequest(route, req, res, deps, principal);
    if (idempotent.request === 'replayed') {
      return REPLAYED;
    }
  }
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
  route: Route,
  req: Request,
  res: Response,
  deps: AppDeps,
  meta: RequestMeta & { startedAt: number },
): Promise<Principal> {
  const access = route.access as Exclude<Access, { kind: 'public' }>;
  const principal = await authenticate(req.headers, deps);
  if (access.kind === 'tenant') {
    logRequestWhenFinished(route, req, res, deps, principal, meta);
  }
  if (principal.kind === 'apiKey') {
    assertIpAllowed(principal, meta.ip);
  }
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
  const tenantBudget = await tenantLimiter(deps.prisma, deps.rateLimits, principal.tenantId);
  setRateLimitHeaders(res, await consumePoint(tenantBudget, principal.tenantId));
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

function requestMeta(req: Request): RequestMeta & { startedAt: number } {
  return {
    ip: req.ip ?? 'unknown',
    userAgent: req.get('user-agent') ?? null,
    requestId: String(req.id),
    startedAt: performance.now(),
  };
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
