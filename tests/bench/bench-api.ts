// One API call from a benchmark, as the web app makes it: JSON (or a multipart form) in, JSON out,
// and a thrown error naming the route on any non-2xx answer, so a broken setup stops the run.
export async function call(
  base: string,
  method: string,
  route: string,
  token: string | undefined,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const isForm = body instanceof FormData;
  const response = await fetch(`${base}${route}`, {
    method,
    headers: {
      ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body !== undefined ? { body: isForm ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${route}: ${response.status} ${text}`);
  }
  return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
}
