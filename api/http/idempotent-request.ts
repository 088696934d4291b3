// The HTTP side of idempotency keys (idempotency.ts): which routes take the header, what the
// request hash covers, and how a stored response is replayed.
import type { Request, Response } from 'express';
import { sha256 } from '#lib/tokens';
import type { AppDeps, Principal } from '../context.ts';
import { AppError, errorBody, HTTP_STATUS_BY_CODE } from '../errors.ts';
import type { Route } from './define-route.ts';
import {
  assertValidIdempotencyKey,
  claimIdempotencyKey,
  completeIdempotencyKey,
  IDEMPOTENCY_HEADER,
  releaseIdempotencyKey,
} from './idempotency.ts';

export { IDEMPOTENCY_HEADER } from './idempotency.ts';

/**
 * Every tenant POST that answers JSON takes an Idempotency-Key: creating and sending are POSTs,
 * and a new POST route gets it without anyone remembering a flag. File downloads are excluded
 * (their body is a stream, not something to store).
 */
export function acceptsIdempotencyKey(route: Route): boolean {
  return route.access.kind === 'tenant' && route.spec.method === 'post' && !route.spec.file;
}

export type IdempotentRequest = { claimId: string } | 'replayed' | null;

/** Claims the request's key, or replays the stored response (then answers 'replayed'). */
export async function beginIdempotentRequest(
  route: Route,
  req: Request,
  res: Response,
  deps: AppDeps,
  principal: Principal,
): Promise<IdempotentRequest> {
  const key = req.get(IDEMPOTENCY_HEADER);
  if (key === undefined || !acceptsIdempotencyKey(route)) {
    return null;
  }
  assertValidIdempotencyKey(key);
  const outcome = await claimIdempotencyKey(deps.prisma, {
    tenantId: principal.tenantId,
    principal: principal.kind === 'user' ? `user:${principal.userId}` : `apiKey:${principal.apiKeyId}`,
    key,
    method: req.method,
    path: req.path,
    requestHash: requestHash(req),
  });
  if (outcome.kind === 'claimed') {
    return { claimId: outcome.id };
  }
  res.setHeader('Idempotent-Replayed', 'true');
  if (outcome.body === null || outcome.body === undefined) {
    res.status(outcome.status).end();
  } else {
    res.status(outcome.status).json(outcome.body);
  }
  return 'replayed';
}

/** Stores the response of a request that ran. */
export async function completeIdempotentRequest(
  deps: AppDeps,
  request: IdempotentRequest,
  status: number,
  body: unknown,
): Promise<void> {
  if (request && request !== 'replayed') {
    await completeIdempotencyKey(deps.prisma, request.claimId, status, body);
  }
}

/** A 4xx is the answer to this request and is stored; a 5xx (or an unexpected error) releases the key. */
export async function failIdempotentRequest(deps: AppDeps, request: IdempotentRequest, error: unknown): Promise<void> {
  if (!request || request === 'replayed') {
    return;
  }
  const status = error instanceof AppError ? HTTP_STATUS_BY_CODE[error.code] : 500;
  if (error instanceof AppError && status < 500 && error.code !== 'RATE_LIMITED') {
    await completeIdempotencyKey(deps.prisma, request.claimId, status, errorBody(error));
  } else {
    await releaseIdempotencyKey(deps.prisma, request.claimId);
  }
}

/** Method, path and body: JSON bodies as parsed, multipart uploads by their type and length. */
function requestHash(req: Request): string {
  const isJson = req.is('application/json');
  const body = isJson ? JSON.stringify(req.body ?? null) : `${req.get('content-type')}:${req.get('content-length')}`;
  return sha256(`${req.method} ${req.path}\n${body}`);
}
