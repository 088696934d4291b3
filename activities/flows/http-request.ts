// The http_request node. The workflow has already rendered method, URL, headers and body from
// its templates. Retryable: network errors, timeouts, 408, 429 and 5xx (the workflow's retry
// policy bounds the attempts, then takes the `failure` branch); other 4xx are permanent.
// `sendHttpRequest` is the call itself, shared with the builder's "send test request"
// (api/flows/test-request.ts), so a test shows exactly what a session would get. Both go through
// the SSRF guard (lib/outbound-http.ts): a refused target is a permanent failure.
import { ApplicationFailure } from '@temporalio/activity';
import { guardedFetch, outboundPolicy, TargetNotAllowedError, type OutboundPolicy } from '#lib/outbound-http';
import type { ActivityDeps } from '../deps.ts';
import { readCapped, valueAtPath } from './read-capped.ts';

export type HttpRequestInput = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
  timeoutSeconds: number;
  responseMapping: Array<{ variable: string; path: string }>;
};

/** `body` is dropped past this size: it lives in workflow history (mapped values are kept). */
export const MAX_BODY_IN_HISTORY = 64_000;

export type HttpRequestResult = { status: number; body: unknown; mapped: Record<string, unknown> };

export function createHttpRequestActivity(deps: ActivityDeps) {
  return async function httpRequest(input: HttpRequestInput): Promise<HttpRequestResult> {
    const result = await refusedAsPermanent(() => sendHttpRequest(input, outboundPolicy(deps.env)));
    throwUnlessOk(result.status, `${input.method.toUpperCase()} ${new URL(input.url).host}`);
    return result;
  };
}

/**
 * Performs the request with the node's rules: the timeout, redirects followed, a body only for
 * methods that take one, the answer read up to 1 MB (a larger one throws `ResponseTooLarge`), the
 * mapping applied, and a body over 64 KB returned as null. Any status is returned; network errors
 * and timeouts throw; a target the policy refuses throws TargetNotAllowedError.
 */
export async function sendHttpRequest(input: HttpRequestInput, policy: OutboundPolicy): Promise<HttpRequestResult> {
  const method = input.method.toUpperCase();
  const response = await guardedFetch(
    input.url,
    {
      method,
      headers: input.headers,
      ...(input.body !== null && method !== 'GET' && method !== 'HEAD' ? { body: input.body } : {}),
      signal: AbortSignal.timeout(input.timeoutSeconds * 1000),
      redirect: 'follow',
    },
    { policy },
  );
  const body = await readCapped(response);
  const mapped = Object.fromEntries(input.responseMapping.map((m) => [m.variable, valueAtPath(body, m.path)]));
  const keepBody = JSON.stringify(body ?? null).length <= MAX_BODY_IN_HISTORY;
  return { status: response.status, body: keepBody ? body : null, mapped };
}

/** Throws a failure Temporal retries (or not) according to the HTTP status. */
export function throwUnlessOk(status: number, what: string): void {
  if (status >= 200 && status < 300) {
    return;
  }
  const message = `${what} answered ${status}`;
  if (status === 408 || status === 429 || status >= 500) {
    throw ApplicationFailure.retryable(message, 'HttpTransient', { status });
  }
  throw ApplicationFailure.nonRetryable(message, 'HttpRejected', { status });
}

/** A refused target will be refused on every retry: fail the step at once. */
export async function refusedAsPermanent<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof TargetNotAllowedError) {
      throw ApplicationFailure.nonRetryable(error.message, 'TargetNotAllowed');
    }
    throw error;
  }
}
