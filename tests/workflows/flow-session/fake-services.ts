// One local HTTP server standing in for the outside world of flow nodes: an API that fails then
// recovers, a webhook receiver, the Google Sheets API v4 with its token endpoint, and an
// OpenAI-compatible chat API. Every request is recorded for assertions.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createVerify } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export type Recorded = { method: string; path: string; headers: IncomingMessage['headers']; body: string };

export type FakeServices = {
  url: string;
  requests: Recorded[];
  /** How many more times /flaky answers 500 before it answers 200. */
  failuresLeft: { flaky: number };
  /** The service account's public key: /token accepts only JWTs it verifies. */
  publicKeyPem: string | null;
  close: () => Promise<void>;
};

export async function startFakeServices(): Promise<FakeServices> {
  const services: FakeServices = {
    url: '',
    requests: [],
    failuresLeft: { flaky: 0 },
    publicKeyPem: null,
    close: async () => undefined,
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      services.requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
      const [status, answer] = route(services, req.method ?? 'GET', path, req.headers, body);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  services.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  services.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return services;
}

function route(
  services: FakeServices,
  method: string,
  path: string,
  headers: IncomingMessage['headers'],
  body: string,
): [number, unknown] {
  if (path.startsWith('/flaky')) {
    if (services.failuresLeft.flaky > 0) {
      services.failuresLeft.flaky -= 1;
      return [500, { error: 'try later' }];
    }
    return [200, { data: { items: [{ id: 'A1', name: 'Blue shirt' }] } }];
  }
  if (path.startsWith('/missing')) {
    return [404, { error: 'no such order' }];
  }
  if (path.startsWith('/hook')) {
    return [200, { ok: true }];
  }
  if (path === '/token' && method === 'POST') {
    return token(services, body);
  }
  if (path.startsWith('/v4/spreadsheets/')) {
    if (headers.authorization !== 'Bearer sheets-token') {
      return [401, { error: { code: 401 } }];
    }
    return method === 'POST'
      ? [200, { updates: { updatedRows: 1 } }]
      : [
          200,
          {
            values: [
              ['phone', 'plan'],
              ['111', 'silver'],
              ['222', 'gold'],
            ],
          },
        ];
  }
  if (path === '/ai/chat/completions') {
    const [system, user] = (JSON.parse(body) as { messages: Array<{ content: string }> }).messages;
    if (system?.content.includes('knowledge')) {
      return [200, { choices: [{ message: { content: 'Refunds take 5 days.' } }] }];
    }
    return [200, { choices: [{ message: { content: user?.content.includes('refund') ? 'billing' : 'none' } }] }];
  }
  return [404, {}];
}

function token(services: FakeServices, body: string): [number, unknown] {
  const assertion = new URLSearchParams(body).get('assertion') ?? '';
  const [header = '', claims = '', signature = ''] = assertion.split('.');
  const valid =
    services.publicKeyPem !== null &&
    createVerify('RSA-SHA256')
      .update(`${header}.${claims}`)
      .verify(services.publicKeyPem, Buffer.from(signature, 'base64url'));
  return valid ? [200, { access_token: 'sheets-token', expires_in: 3600 }] : [400, { error: 'invalid_grant' }];
}
