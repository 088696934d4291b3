// Reads an HTTP response body up to a byte limit, so a flow calling a misbehaving server cannot
// exhaust the worker's memory. Parses JSON when the body is JSON, else returns the text.
import { ApplicationFailure } from '@temporalio/activity';

export const MAX_RESPONSE_BYTES = 1_000_000;

export async function readCapped(response: Response, limit = MAX_RESPONSE_BYTES): Promise<unknown> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) {
    throw ApplicationFailure.nonRetryable(`The response is larger than ${limit} bytes`, 'ResponseTooLarge');
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    size += read.value.byteLength;
    if (size > limit) {
      await reader?.cancel();
      throw ApplicationFailure.nonRetryable(`The response is larger than ${limit} bytes`, 'ResponseTooLarge');
    }
    chunks.push(read.value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text === '' ? null : JSON.parse(text);
  } catch {
    return text;
  }
}

/** `items.0.name` → value; a missing segment gives undefined. */
export function valueAtPath(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of path.split('.').filter(Boolean)) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
