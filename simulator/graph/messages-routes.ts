// `POST /<PHONE_NUMBER_ID>/messages`: a send (contract §7) or a read receipt (§7.5), told apart
// the way Meta does: read receipts carry `status: "read"` and no `type`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Router } from 'express';
import type { SimulatorContext } from '../core/simulator-context.ts';
import type { PhoneNumberRecord } from '../state/simulator-state.ts';
import { authorize, authorizeToken } from './authenticate.ts';
import { invalidParameter, toGraphError } from './graph-error.ts';
import { markAsRead } from './mark-as-read.ts';
import { sendMessage } from './send-message.ts';

export function registerMessagesRoutes(router: Router, ctx: SimulatorContext): void {
  router.post('/:id/messages', (req, res, next) => {
    const number = ctx.store.numbers.get(req.params.id);
    if (!number) {
      return next();
    }
    authorize(ctx, req, [number]);
    res.json(answerMessagesPost(ctx, number, req.body ?? {}));
  });
}

function answerMessagesPost(ctx: SimulatorContext, number: PhoneNumberRecord, body: unknown): unknown {
  const isReadReceipt = typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'read';
  return isReadReceipt ? markAsRead(ctx, number, body) : sendMessage(ctx, number, body);
}

const MESSAGES_PATH = /^\/(?:v\d+(?:\.\d+)?\/)?([^/?]+)\/messages$/;
const BEARER = /^Bearer\s+(\S+)\s*$/i;
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * The same answer as the route above, on node's own request and response: a benchmark's thousand
 * sends a second spent about a fifth of the simulator's time in Express's router, body parser and
 * response helpers, CPU that Parley shares the machine with there. Takes only the common shape (a
 * known number, a bearer header, a JSON body, no query string) and leaves the rest to Express;
 * false when it did not take the request.
 */
export function answerMessagesPostDirectly(ctx: SimulatorContext, req: IncomingMessage, res: ServerResponse): boolean {
  const number =
    req.method === 'POST' ? ctx.store.numbers.get(MESSAGES_PATH.exec(req.url ?? '')?.[1] ?? '') : undefined;
  const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
  if (!number || !token || !req.headers['content-type']?.startsWith('application/json')) {
    return false;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  // A caller that gives up mid-body (a timeout) aborts the request: nothing to answer.
  req.on('error', () => res.destroy());
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) {
      chunks.push(chunk);
    }
  });
  req.on('end', () => {
    let status = 200;
    let answer: unknown;
    try {
      if (size > MAX_BODY_BYTES) {
        throw invalidParameter('The request body is too large.');
      }
      let body: unknown;
      try {
        body = size === 0 ? {} : JSON.parse(Buffer.concat(chunks, size).toString('utf8'));
      } catch {
        body = null;
      }
      // Like express.json (strict): only an object or an array is a body.
      if (typeof body !== 'object' || body === null) {
        throw invalidParameter('The request body is not valid JSON.');
      }
      authorizeToken(ctx, token, [number]);
      answer = answerMessagesPost(ctx, number, body);
    } catch (error) {
      const graphError = toGraphError(error);
      status = graphError.httpStatus;
      answer = graphError.envelope(ctx.random);
    }
    const json = JSON.stringify(answer);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(json),
    });
    res.end(json);
  });
  return true;
}
