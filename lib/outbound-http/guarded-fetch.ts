// fetch for URLs a tenant typed in (webhook subscriptions, flow HTTP/webhook nodes, automation
// actions): only http(s), and only to addresses the policy allows. The check runs on the
// addresses actually connected to: the agent's DNS lookup resolves, checks, and hands the checked
// address to the socket, so a name that re-resolves to 127.0.0.1 between a check and the connection
// (DNS rebinding) cannot slip through. Redirects are followed by hand so each hop is checked too.
import dns from 'node:dns';
import net from 'node:net';
import { Agent, fetch as undiciFetch, type RequestInit as UndiciRequestInit } from 'undici';
import { addressRefusal, isHostAllowedByName, parseOutboundPolicy, type OutboundPolicy } from './address-policy.ts';

export class TargetNotAllowedError extends Error {
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super(`Outgoing requests to ${safeOrigin(url)} are not allowed: ${reason}`);
    this.name = 'TargetNotAllowedError';
  }
}

/** A resolver with dns.lookup's `all: true` shape; tests inject one to play a rebinding DNS. */
export type ResolveHost = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export type GuardOptions = {
  /** Default: nothing private is allowed */
  policy?: OutboundPolicy;
  resolve?: ResolveHost;
  /** Redirect hops followed when init.redirect is 'follow' (the default); default 5 */
  maxRedirects?: number;
};

const STRICT = parseOutboundPolicy('none');
const systemResolve: ResolveHost = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });
const agents = new WeakMap<OutboundPolicy, WeakMap<ResolveHost, Agent>>();

/**
 * fetch with the guard. Throws TargetNotAllowedError (not fetch's TypeError) when the URL, a
 * redirect hop or an address its host resolves to is refused; other failures are fetch's own.
 */
export async function guardedFetch(
  url: string,
  init: UndiciRequestInit = {},
  options: GuardOptions = {},
): Promise<Response> {
  const policy = options.policy ?? STRICT;
  const dispatcher = agentFor(policy, options.resolve ?? systemResolve);
  const follow = (init.redirect ?? 'follow') === 'follow';
  let current = { url, init: { ...init, redirect: 'manual' as const, dispatcher } };
  for (let hop = 0; ; hop += 1) {
    checkUrl(current.url, policy);
    const response = await undiciFetch(current.url, current.init).catch((error: unknown) => {
      throw refusalIn(error) ?? error;
    });
    const location = response.headers.get('location');
    if (!follow || !location || ![301, 302, 303, 307, 308].includes(response.status)) {
      return response as unknown as Response;
    }
    if (hop >= (options.maxRedirects ?? 5)) {
      throw new TypeError(`Too many redirects from ${safeOrigin(url)}`);
    }
    await response.body?.cancel();
    const keepsMethod = response.status === 307 || response.status === 308;
    const method = (current.init.method ?? 'GET').toUpperCase();
    current = {
      url: new URL(location, current.url).toString(),
      init: keepsMethod || method === 'HEAD' ? current.init : { ...current.init, method: 'GET', body: null },
    };
  }
}

/**
 * For create/update time: refuses a URL that is not http(s) or whose host is, or resolves to, a
 * refused address. A host that does not resolve (yet) passes: the delivery-time guard still holds.
 */
export async function assertUrlAllowed(url: string, options: GuardOptions = {}): Promise<void> {
  const policy = options.policy ?? STRICT;
  const hostname = checkUrl(url, policy);
  if (hostname === null || net.isIP(hostname) !== 0) {
    return;
  }
  const addresses = await (options.resolve ?? systemResolve)(hostname).catch(() => []);
  for (const { address } of addresses) {
    const reason = addressRefusal(address, policy);
    if (reason) {
      throw new TargetNotAllowedError(url, `${hostname} resolves to ${reason}`);
    }
  }
}

/** Scheme and literal-address checks; returns the host name still to resolve, or null if allowed by name. */
function checkUrl(url: string, policy: OutboundPolicy): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TargetNotAllowedError(url, 'it is not an absolute URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TargetNotAllowedError(url, `only http and https are allowed, not ${parsed.protocol}`);
  }
  const hostname = parsed.hostname.replace(/^\[|\]$/g, '');
  if (isHostAllowedByName(hostname, policy)) {
    return null;
  }
  if (net.isIP(hostname) !== 0) {
    const reason = addressRefusal(hostname, policy);
    if (reason) {
      throw new TargetNotAllowedError(url, reason);
    }
  }
  return hostname;
}

function agentFor(policy: OutboundPolicy, resolve: ResolveHost): Agent {
  const byResolver = agents.get(policy) ?? new WeakMap<ResolveHost, Agent>();
  agents.set(policy, byResolver);
  let agent = byResolver.get(resolve);
  if (!agent) {
    agent = new Agent({ connect: { lookup: guardedLookup(policy, resolve) }, connections: 64 });
    byResolver.set(resolve, agent);
  }
  return agent;
}

type LookupCallback = (error: Error | null, address: string | dns.LookupAddress[], family?: number) => void;

/** net.connect's lookup: resolve, refuse if any address is refused, connect to the checked ones. */
function guardedLookup(policy: OutboundPolicy, resolve: ResolveHost) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    resolve(hostname)
      .then((found) => {
        const addresses = found.filter((a) => !options.family || a.family === options.family);
        if (addresses.length === 0) {
          throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
        }
        if (!isHostAllowedByName(hostname, policy)) {
          for (const { address } of addresses) {
            const reason = addressRefusal(address, policy);
            if (reason) {
              throw new TargetNotAllowedError(`http://${hostname}`, `${hostname} resolves to ${reason}`);
            }
          }
        }
        if (options.all) {
          callback(null, addresses);
        } else {
          callback(null, addresses[0]!.address, addresses[0]!.family);
        }
      })
      .catch((error: Error) => callback(error, ''));
  };
}

/** fetch wraps connect errors in TypeError('fetch failed', { cause }); find ours in the chain. */
function refusalIn(error: unknown): TargetNotAllowedError | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    if (e instanceof TargetNotAllowedError) {
      return e;
    }
  }
  return null;
}

function safeOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return JSON.stringify(url.slice(0, 100));
  }
}
