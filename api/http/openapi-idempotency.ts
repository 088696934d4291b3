// The Idempotency-Key header in the OpenAPI document, on exactly the operations that honour it
// (idempotent-request.ts decides which: every tenant POST answering JSON).
import type { Route } from './define-route.ts';
import { acceptsIdempotencyKey, IDEMPOTENCY_HEADER } from './idempotent-request.ts';

type JsonSchema = Record<string, unknown>;

/** The header parameter, for operations that take it; none for the others. */
export function idempotencyParameters(route: Route): JsonSchema[] {
  if (!acceptsIdempotencyKey(route)) {
    return [];
  }
  return [
    {
      name: IDEMPOTENCY_HEADER,
      in: 'header',
      required: false,
      description:
        'A unique value per operation (e.g. a UUID), 1–255 printable ASCII characters. A retry with the same key by the same caller within 24 h gets the first response again, with `Idempotent-Replayed: true`, instead of running twice. The same key with a different method, path or body answers 422; a retry while the first request still runs answers 409. 4xx answers are kept like successes; after a 5xx the key is released so the retry runs.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    },
  ];
}

/** Response headers of an operation that takes the key. */
export function idempotencyResponseHeaders(route: Route): JsonSchema {
  if (!acceptsIdempotencyKey(route)) {
    return {};
  }
  return {
    'Idempotent-Replayed': {
      description: '`true` when this is the stored response of an earlier request with the same Idempotency-Key',
      schema: { type: 'string', enum: ['true'] },
    },
  };
}
