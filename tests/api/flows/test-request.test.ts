// "Send test request" in the HTTP node inspector, against a local server: templates are filled in
// from `variables` with the node's escaping, the answer and the mapped values come back; a 500 is
// still an answer, a timeout or a refused connection is not, and bad input is a 400 naming it.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { createFlow } from '../../support/seed/flow.ts';
import { eventually } from '../../support/eventually.ts';

let app: TestApp;
let tenant: SeededTenant;
let server: Server;
let base: string;
const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.url?.startsWith('/orders/')) {
        reply(200, { data: { status: 'shipped', items: [{ name: 'Blue bike' }] } });
      } else if (req.url === '/boom') {
        reply(500, { error: 'database down' });
      } else if (req.url === '/big') {
        reply(200, { total: 3, padding: 'x'.repeat(70_000) });
      } else if (req.url === '/plain') {
        res.end('pong');
      }
      // /slow: never answers
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = await startTestApp();
  tenant = await signUpTenant(app.http);
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await app.stop();
});

function testRequest(body: Record<string, unknown>) {
  return app.http.post('/api/flows/test-request', body, { token: tenant.token });
}

describe('[flows] send test request', () => {
  it('fills templates from variables like a session, sends the request and returns the answer with the mapping', async () => {
    const response = await testRequest({
      method: 'POST',
      url: `{{vars.base}}/orders/{{vars.order}}?email={{vars.email}}`,
      headers: [
        { name: 'Authorization', value: 'Bearer {{vars.token}}' },
        { name: '', value: 'ignored' },
      ],
      body: '{"note": "{{vars.note}}", "contact": "{{contact.name | "nobody"}}"}',
      responseMapping: [
        { variable: 'order_status', path: 'data.status' },
        { variable: 'first_item', path: 'data.items.0.name' },
        { variable: 'missing', path: 'data.nothing' },
        { variable: '', path: 'data' },
      ],
      variables: { base, order: 'A 17/b', email: 'ana+1@example.com', token: 't0k', note: 'say "hi"' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      ok: true,
      status: 200,
      durationMs: expect.any(Number),
      body: { data: { status: 'shipped', items: [{ name: 'Blue bike' }] } },
      mapped: { order_status: 'shipped', first_item: 'Blue bike', missing: null },
    });
    const request = seen.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/orders/A%2017%2Fb?email=ana%2B1%40example.com');
    expect(request.headers.authorization).toBe('Bearer t0k');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({ note: 'say "hi"', contact: 'nobody' });

    const plain = await testRequest({ method: 'GET', url: `${base}/plain`, body: 'not sent with GET' });
    expect(plain.body).toMatchObject({ ok: true, status: 200, body: 'pong', mapped: {} });
    expect(seen.at(-1)).toMatchObject({ method: 'GET', body: '' });
  });

  it('sends what a published flow’s HTTP node sends for the same data and variables', async () => {
    const data = {
      method: 'PUT',
      url: '{{vars.base}}/orders/{{vars.order}}?q={{vars.q}}',
      headers: [{ name: 'X-Order', value: '{{vars.order}}' }],
      body: '{"q": "{{vars.q}}", "n": {{vars.n}}}',
      timeoutSeconds: 5,
      responseMapping: [{ variable: 'order_status', path: 'data.status' }],
    };
    const variables = { base, order: 'B/9', q: 'größe "XL"', n: 3 };
    const names = Object.keys(variables).map((name) => ({ name }));
    const document = {
      schemaVersion: 2,
      name: 'Calls the order API',
      trigger: { type: 'manual' },
      variables: names,
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        { id: 'call', type: 'http_request', position: { x: 0, y: 100 }, data },
      ],
      edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'call' }],
    };
    const flowId = await createFlow(app.http, tenant.token, document);
    const channelId = (await app.http.get('/api/sandbox', { token: tenant.token })).body.channel.id;
    const before = seen.length;
    const run = await app.http.post(
      `/api/flows/${flowId}/run`,
      { channelId, phone: '+14155550142', variables },
      { token: tenant.token },
    );
    expect(run.status).toBe(202);
    const fromSession = await eventually(async () => seen.slice(before).find((r) => r.method === 'PUT'), 'the call');
    const tested = await testRequest({ ...data, variables });
    expect(tested.body).toMatchObject({ ok: true, status: 200, mapped: { order_status: 'shipped' } });
    const fromTest = seen.at(-1)!;
    const sent = (r: typeof fromTest) => ({
      method: r.method,
      url: r.url,
      body: r.body,
      order: r.headers['x-order'],
      type: r.headers['content-type'],
    });
    expect(sent(fromTest)).toEqual(sent(fromSession));
    expect(sent(fromTest)).toMatchObject({ url: '/orders/B%2F9?q=gr%C3%B6%C3%9Fe%20%22XL%22', order: 'B/9' });
  });

  it('returns a 500 answer as an answer, and drops a body over 64 KB but keeps the mapped values', async () => {
    const failed = await testRequest({ method: 'GET', url: `${base}/boom` });
    expect(failed.body).toEqual({
      ok: true,
      status: 500,
      durationMs: expect.any(Number),
      body: { error: 'database down' },
      mapped: {},
    });
    const big = await testRequest({
      method: 'GET',
      url: `${base}/big`,
      responseMapping: [{ variable: 'total', path: 'total' }],
    });
    expect(big.body).toMatchObject({ ok: true, status: 200, body: null, mapped: { total: 3 } });
  });

  it('reports a timeout and a refused connection as ok: false with the time spent', async () => {
    const slow = await testRequest({ method: 'GET', url: `${base}/slow`, timeoutSeconds: 1 });
    expect(slow.status).toBe(200);
    expect(slow.body).toEqual({ ok: false, error: 'No answer within 1 s', durationMs: expect.any(Number) });
    expect(slow.body.durationMs).toBeGreaterThanOrEqual(900);

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await testRequest({ method: 'GET', url: `http://127.0.0.1:${port}/` });
    expect(refused.body).toEqual({
      ok: false,
      error: expect.stringContaining('ECONNREFUSED'),
      durationMs: expect.any(Number),
    });
  });

  it('answers 400 naming the field for an invalid URL, header, timeout or method', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ method: 'GET', url: 'not a url' }, 'url'],
      [{ method: 'GET', url: '{{vars.base}}/orders' }, 'url'], // no base given: "/orders"
      [{ method: 'GET', url: 'ftp://files.example.com/x' }, 'url'],
      [{ method: 'GET', url: '  ' }, 'url'],
      [{ method: 'GET' }, 'url'],
      [{ method: 'GET', url: `${base}/plain`, timeoutSeconds: 31 }, 'timeoutSeconds'],
      [{ method: 'TRACE', url: `${base}/plain` }, 'method'],
      [{ method: 'GET', url: `${base}/plain`, headers: [{ name: 'Bad Header', value: 'x' }] }, 'headers.0.name'],
      [
        {
          method: 'GET',
          url: `${base}/plain`,
          headers: [{ name: 'X-Note', value: '{{vars.v}}' }],
          variables: { v: 'a\nb' },
        },
        'headers.0.value',
      ],
      [{ method: 'GET', url: `${base}/plain`, variables: { 'not a name': 1 } }, 'variables.not a name'],
    ];
    const before = seen.length;
    for (const [body, field] of cases) {
      const response = await testRequest(body);
      expect({ body, status: response.status, fields: response.body.error?.details?.fields }).toEqual({
        body,
        status: 400,
        fields: [expect.objectContaining({ field })],
      });
    }
    expect(seen.length).toBe(before); // nothing was sent
  });
});
