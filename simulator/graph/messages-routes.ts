// `POST /<PHONE_NUMBER_ID>/messages`: a send (contract §7) or a read receipt (§7.5), told apart
// the way Meta does: read receipts carry `status: "read"` and no `type`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Router } from 'express';
import type { SimulatorContext } from '../core/simulator-context.ts';
import type { PhoneNumberRecord } from '../state/simulator-state.ts';
import { authorize, authorizeToken, headerToken } from './authenticate.ts';
import { graphErrorReply, invalidParameter } from './graph-error.ts';
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
/** The largest JSON body a Graph route takes (graph-router.ts parses with the same limit). */
export const GRAPH_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * The same answer as the route above, on node's own request and response: a benchmark's thousand
 * sends a second spent about a fifth of the simulator's time in Express's router, body parser and
 * response helpers, CPU that Parley shares the machine with there. Takes only the common shape (a
 * known number, a token in the Authorization header, a JSON body, no query string) and leaves the
 * rest to Express; false when it did not take the request.
 */
export function answerMessagesPostDirectly(ctx: SimulatorContext, req: IncomingMessage, res: ServerResponse): boolean {
  const number =
    req.method === 'POST' ? ctx.store.numbers.get(MESSAGES_PATH.exec(req.url ?? '')?.[1] ?? '') : undefined;
  const token = headerToken(req.headers.authorization);
  if (!number || !token || !req.headers['content-type']?.startsWith('application/json')) {
    return false;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= GRAPH_BODY_LIMIT_BYTES) {
      chunks.push(chunk);
    }
  });
  req.on('end', () => {
    let reply: { status: number; body: unknown };
    try {
      const body = parseBody(chunks, size); // before the token, as Express's parser runs first
      authorizeToken(ctx, token, [number]);
      reply = { status: 200, body: answerMessagesPost(ctx, number, body) };
    } catch (error) {
      reply = graphErrorReply(error, ctx.random);
    }
    const json = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(json),
    });
    res.end(json);
  });
  return true;
}

/** As express.json (strict) reads it: an object or an array, else Graph's invalid-parameter error. */
function parseBody(chunks: Buffer[], size: number): object {
  if (size > GRAPH_BODY_LIMIT_BYTES) {
    throw invalidParameter('The request body is too large.');
  }
  let body: unknown = null;
  try {
    body = size === 0 ? {} : JSON.parse(Buffer.concat(chunks, size).toString('utf8'));
  } catch {
    // not JSON: refused below
  }
  if (typeof body !== 'object' || body === null) {
    throw invalidParameter('The request body is not valid JSON.');
  }
  return body;
}
