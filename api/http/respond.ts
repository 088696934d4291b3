// Sends a route's result: a file download (whole or streamed), JSON parsed by the response
// schema, or 204. A JSON answer is stored for its Idempotency-Key before it is sent, so a retry
// arriving as soon as the client has the answer is replayed.
import { once } from 'node:events';
import type { Response } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../context.ts';
import { fileResponseSchema, type Route } from './define-route.ts';
import { completeIdempotentRequest, type IdempotentRequest } from './idempotent-request.ts';

export async function respond(
  route: Route,
  res: Response,
  deps: AppDeps,
  result: unknown,
  idempotent: IdempotentRequest,
): Promise<void> {
  const status = route.spec.successStatus ?? (route.spec.response ? 200 : 204);
  if (route.spec.file) {
    const file = fileResponseSchema.parse(result);
    res.status(status).type(route.spec.file.contentType).attachment(file.filename);
    if (typeof file.content === 'string') {
      res.send(file.content);
    } else {
      await streamFile(res, file.content);
    }
    return;
  }
  const body = route.spec.response ? z.encode(route.spec.response, result) : undefined;
  await completeIdempotentRequest(deps, idempotent, status, body);
  if (body === undefined) {
    res.status(status).end();
  } else {
    res.status(status).json(body);
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
