// The SSRF guard against real sockets: a receiver on 127.0.0.1 stands for "a private address".
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  assertUrlAllowed,
  guardedFetch,
  parseOutboundPolicy,
  TargetNotAllowedError,
  type ResolveHost,
} from '#lib/outbound-http';

let server: http.Server;
let port: number;
const hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/redirect-private') {
      res.writeHead(302, { location: `http://127.0.0.1:${port}/ok` }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const strict = parseOutboundPolicy('none');
const loopback = parseOutboundPolicy('127.0.0.1');
/** A DNS that answers the loopback receiver for every name: what a rebinding attacker serves. */
const rebinding: ResolveHost = async () => [{ address: '127.0.0.1', family: 4 }];

describe('[outbound-http] the SSRF guard', () => {
  it.each([
    'http://127.0.0.1/',
    'http://10.1.2.3/',
    'http://169.254.169.254/latest/meta-data',
    'http://100.64.0.1/',
    'http://192.168.1.1/',
    'http://0.0.0.0/',
    'http://224.0.0.1/',
    'http://[::1]/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:10.0.0.1]/',
    'ftp://example.com/',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s by default', async (url) => {
    await expect(guardedFetch(url, {}, { policy: strict })).rejects.toBeInstanceOf(TargetNotAllowedError);
    await expect(assertUrlAllowed(url, { policy: strict })).rejects.toThrow(/not allowed/);
  });

  it('refuses a host name that resolves to a private address, and connects to nothing', async () => {
    const before = hits.length;
    const refusal = guardedFetch(`http://hooks.example.test:${port}/`, {}, { policy: strict, resolve: rebinding });
    await expect(refusal).rejects.toThrow(/hooks\.example\.test resolves to 127\.0\.0\.1/);
    await expect(
      assertUrlAllowed(`http://hooks.example.test:${port}/`, { policy: strict, resolve: rebinding }),
    ).rejects.toBeInstanceOf(TargetNotAllowedError);
    expect(hits.length).toBe(before);
  });

  it('reaches an address the operator allows, by literal address or through DNS', async () => {
    const direct = await guardedFetch(`http://127.0.0.1:${port}/ok`, {}, { policy: loopback });
    expect(await direct.text()).toBe('ok');
    const named = await guardedFetch(
      `http://hooks.example.test:${port}/ok`,
      {},
      { policy: loopback, resolve: rebinding },
    );
    expect(named.status).toBe(200);
    await expect(assertUrlAllowed(`http://127.0.0.1:${port}/`, { policy: loopback })).resolves.toBeUndefined();
  });

  it('checks each redirect hop: a public-looking host redirecting to a private one is refused', async () => {
    // The first hop is allowed by name; the redirect's literal private address is not.
    const byName = parseOutboundPolicy('hooks.example.test');
    const redirected = guardedFetch(
      `http://hooks.example.test:${port}/redirect-private`,
      {},
      { policy: byName, resolve: rebinding },
    );
    await expect(redirected).rejects.toThrow(/127\.0\.0\.1 is a private/);
    const notFollowed = await guardedFetch(
      `http://hooks.example.test:${port}/redirect-private`,
      { redirect: 'manual' },
      { policy: byName, resolve: rebinding },
    );
    expect(notFollowed.status).toBe(302);
  });

  it('reads the operator setting: *, aliases, hosts and CIDRs; a typo throws', () => {
    expect(parseOutboundPolicy('*').allowAll).toBe(true);
    const policy = parseOutboundPolicy('loopback, 10.0.0.0/8, fd00::/8, Internal.Example');
    expect(policy.hosts.has('internal.example')).toBe(true);
    expect(policy.addresses.check('10.9.9.9', 'ipv4')).toBe(true);
    expect(policy.addresses.check('::1', 'ipv6')).toBe(true);
    expect(() => parseOutboundPolicy('10.0.0.0/40')).toThrow(/prefix/);
    expect(() => parseOutboundPolicy('http://x')).toThrow(/not a host name/);
  });
});
