// One HTTP attempt of a delivery: the signed POST through the SSRF guard, its answer classified.
// 2xx succeeded; 408, 429, 5xx, network errors and timeouts are retried; any other answer
// (4xx, 410 Gone, a redirect: webhooks do not follow them) and a refused target are dead at once.
import { guardedFetch, TargetNotAllowedError, type OutboundPolicy } from '#lib/outbound-http';

export const BODY_EXCERPT_BYTES = 2048;

export type PostResult = {
  status: number | null;
  bodyExcerpt: string | null;
  error: string | null;
  latencyMs: number;
  verdict: 'succeeded' | 'retry' | 'dead';
  retryAfterMs: number | null;
};

export async function postWebhook(
  request: { url: string; headers: Record<string, string>; body: string; timeoutMs: number },
  policy: OutboundPolicy,
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await guardedFetch(
      request.url,
      {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(request.timeoutMs),
      },
      { policy },
    );
    const bodyExcerpt = await readExcerpt(response);
    const status = response.status;
    const verdict = status >= 200 && status < 300 ? 'succeeded' : isRetryable(status) ? 'retry' : 'dead';
    const error =
      verdict === 'succeeded'
        ? null
        : `answered ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}`;
    return { status, bodyExcerpt, error, latencyMs: elapsed(), verdict, retryAfterMs: retryAfter(response) };
  } catch (error) {
    const refused = error instanceof TargetNotAllowedError;
    return {
      status: null,
      bodyExcerpt: null,
      error: describe(error, request.timeoutMs),
      latencyMs: elapsed(),
      verdict: refused ? 'dead' : 'retry',
      retryAfterMs: null,
    };
  }
}

function isRetryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

async function readExcerpt(response: Response): Promise<string | null> {
  const reader = response.body?.getReader();
  if (!reader) {
    return null;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
    size += read.value.byteLength;
    if (size >= BODY_EXCERPT_BYTES) {
      await reader.cancel();
      break;
    }
  }
  const text = Buffer.concat(chunks).subarray(0, BODY_EXCERPT_BYTES).toString('utf8');
  return text === '' ? null : text;
}

/** Retry-After in seconds or as an HTTP date. */
function retryAfter(response: Response): number | null {
  const value = response.headers.get('retry-after');
  if (!value) {
    return null;
  }
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

function describe(error: unknown, timeoutMs: number): string {
  const { name, message, cause } = (error ?? {}) as {
    name?: string;
    message?: string;
    cause?: { message?: string; code?: string };
  };
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `timed out after ${timeoutMs} ms`;
  }
  const detail = cause?.code ?? cause?.message;
  return (detail ? `${message}: ${detail}` : (message ?? String(error))).slice(0, 500);
}
