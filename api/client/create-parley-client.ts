// A typed client for the Parley REST API: openapi-fetch over the types openapi-typescript
// generates from the OpenAPI document (api/client/openapi-types.ts, `npm run api:client`).
// Paths, parameters, bodies and responses are checked at compile time; errors come back typed as
// the API's envelope. Usage and examples: docs/api.md.
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './openapi-types.ts';

export type ParleyClient = Client<paths>;
/** `{ error: { code, message, details } }`, as every failing call answers. */
export type ParleyError = components['schemas']['Error'];

export type ParleyClientOptions = {
  /** Where Parley runs, e.g. https://parley.example.com (no /api). */
  baseUrl: string;
  /** An API key (prl_…) from Settings → API keys. */
  apiKey: string;
  /** Another fetch (tests, proxies); the global one by default. */
  fetch?: (request: Request) => Promise<Response>;
};

export function createParleyClient(options: ParleyClientOptions): ParleyClient {
  return createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: { authorization: `Bearer ${options.apiKey}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * Every item of a cursor-paginated list, page after page: `fetchPage` makes one call with the
 * given cursor (undefined for the first page). A failing page throws its error envelope.
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ data?: Page<T>; error?: unknown }>,
): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const { data, error } = await fetchPage(cursor);
    if (!data) {
      throw new ParleyApiError(error as ParleyError);
    }
    yield* data.items;
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
}

/** A failed call as an Error, carrying the API's envelope. */
export class ParleyApiError extends Error {
  readonly code: string;

  constructor(readonly body: ParleyError) {
    super(body?.error?.message ?? 'The Parley API call failed');
    this.name = 'ParleyApiError';
    this.code = body?.error?.code ?? 'INTERNAL';
  }
}
