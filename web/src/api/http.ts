// One HTTP exchange with the API: JSON in, JSON out parsed by the shared zod schema (which also
// turns ISO timestamps into Dates). Authentication and retries live in client.ts.
import type { z } from 'zod';
import { ApiError } from './api-error.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryParams = Record<string, string | number | null | undefined>;

export type HttpOptions = {
  method?: Method;
  body?: unknown;
  query?: QueryParams;
};

export async function sendRequest(path: string, options: HttpOptions, accessToken: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (accessToken) {
    headers.Authorization = `Bearer ${accessToken}`;
  }
  try {
    return await fetch(withQuery(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch {
    throw ApiError.network();
  }
}

export async function readResponse<S extends z.ZodType>(response: Response, schema?: S): Promise<z.output<S>> {
  if (!response.ok) {
    throw await ApiError.fromResponse(response);
  }
  if (!schema || response.status === 204) {
    return undefined as z.output<S>;
  }
  return schema.parse(await response.json());
}

function withQuery(path: string, query: QueryParams | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
