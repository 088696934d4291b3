// Records an authenticated tenant request in the request log once its response is finished, so
// the status is the one the caller got (errors, 403s and 429s included) and the latency covers
// the whole answer. Writing is buffered (request-log-writer.ts): the request does not wait for it.
import type { Request, Response } from 'express';
import type { AppDeps, Principal, RequestMeta } from '../context.ts';
import { actorOf } from '../audit/record-audit.ts';
import type { Route } from './define-route.ts';

const MAX_PATH_LENGTH = 500;

export function logRequestWhenFinished(
  route: Route,
  req: Request,
  res: Response,
  deps: AppDeps,
  principal: Principal,
  meta: RequestMeta & { startedAt: number },
): void {
  const actor = actorOf(principal);
  const receivedAt = new Date();
  const record = () =>
    deps.requestLog.record({
      tenantId: principal.tenantId,
      actorUserId: actor.userId ?? null,
      actorApiKeyId: actor.apiKeyId ?? null,
      actorLabel: actor.label,
      method: req.method,
      route: route.spec.path,
      path: req.path.slice(0, MAX_PATH_LENGTH),
      status: res.statusCode,
      latencyMs: Math.max(0, Math.round(performance.now() - meta.startedAt)),
      ip: meta.ip,
      requestId: meta.requestId,
      createdAt: receivedAt,
    });
  // 'close' without 'finish': the client went away before the answer was sent.
  let done = false;
  const once = () => {
    if (!done) {
      done = true;
      record();
    }
  };
  res.once('finish', once);
  res.once('close', once);
}
