// A small HTTP client for API tests: JSON in and out, bearer tokens, and a cookie jar so refresh
// cookies behave as in a browser.
export type HttpResponse<T = any> = { status: number; body: T; headers: Headers };

export type RequestOptions = {
  body?: unknown;
  /** Sent as-is (to test malformed JSON). */
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
  cookies?: CookieJar;
};

export type CookieJar = Map<string, string>;

export type HttpClient = {
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<HttpResponse<T>>;
  get<T = any>(path: string, options?: RequestOptions): Promise<HttpResponse<T>>;
  post<T = any>(path: string, body?: unknown, options?: RequestOptions): Promise<HttpResponse<T>>;
  patch<T = any>(path: string, body?: unknown, options?: RequestOptions): Promise<HttpResponse<T>>;
  put<T = any>(path: string, body?: unknown, options?: RequestOptions): Promise<HttpResponse<T>>;
  delete<T = any>(path: string, options?: RequestOptions): Promise<HttpResponse<T>>;
};

export function createHttpClient(baseUrl: string): HttpClient {
  const request = async <T>(method: string, path: string, options: RequestOptions = {}): Promise<HttpResponse<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) {
      headers.authorization = `Bearer ${options.token}`;
    }
    if (options.cookies && options.cookies.size > 0) {
      headers.cookie = [...options.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
    }
    if (body !== undefined) {
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    if (options.cookies) {
      storeCookies(options.cookies, response.headers.getSetCookie());
    }
    const text = await response.text();
    const isJson = /json/.test(response.headers.get('content-type') ?? 'application/json');
    // A download (CSV) comes back as its text.
    const parsed = text ? (isJson ? JSON.parse(text) : text) : null;
    return { status: response.status, body: parsed as T, headers: response.headers };
  };
  return {
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
    patch: (path, body, options) => request('PATCH', path, { ...options, body }),
    put: (path, body, options) => request('PUT', path, { ...options, body }),
    delete: (path, options) => request('DELETE', path, options),
  };
}

function storeCookies(jar: CookieJar, setCookies: string[]): void {
  for (const line of setCookies) {
    const [pair = '', ...attributes] = line.split(';');
    const [name = '', ...value] = pair.split('=');
    const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0$/i.test(a));
    if (expired || value.join('=') === '') {
      jar.delete(name.trim());
    } else {
      jar.set(name.trim(), value.join('='));
    }
  }
}
