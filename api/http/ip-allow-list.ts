// IP allow-lists of API keys: a key with a non-empty list works only from those addresses and
// CIDR ranges. The address is Express's req.ip, so the app's `trust proxy` setting (TRUST_PROXY)
// decides whether X-Forwarded-For counts: turn it on only behind a proxy that sets that header.
import type { IncomingMessage } from 'node:http';
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import type { ApiKeyPrincipal } from '../context.ts';
import { AppError } from '../errors.ts';

const lists = new Map<string, BlockList>();

/** Throws FORBIDDEN when the key has an allow-list that does not hold `ip`. */
export function assertIpAllowed(principal: ApiKeyPrincipal, ip: string): void {
  if (principal.allowedIps.length === 0) {
    return;
  }
  if (!isIpAllowed(principal.allowedIps, ip)) {
    throw new AppError(
      'FORBIDDEN',
      `This API key may not be used from ${ip}: add the address to the key's IP allow-list (Settings → API keys)`,
      { ip },
    );
  }
}

/**
 * The client's address for a request Express does not see (the Socket.IO handshake), as Express
 * would read it: the TCP peer, or with TRUST_PROXY (every proxy trusted) the first address in
 * X-Forwarded-For.
 */
export function clientIpOf(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return trustProxy && first ? first : (request.socket.remoteAddress ?? '');
}

export function isIpAllowed(allowedIps: string[], rawIp: string): boolean {
  const ip = unmapIpv4(rawIp);
  const type = isIPv4(ip) ? 'ipv4' : isIPv6(ip) ? 'ipv6' : null;
  if (!type) {
    return false;
  }
  return blockListOf(allowedIps).check(ip, type);
}

function blockListOf(allowedIps: string[]): BlockList {
  const cacheKey = allowedIps.join(',');
  let list = lists.get(cacheKey);
  if (!list) {
    list = new BlockList();
    for (const entry of allowedIps) {
      addEntry(list, entry);
    }
    if (lists.size > 1000) {
      lists.clear();
    }
    lists.set(cacheKey, list);
  }
  return list;
}

function addEntry(list: BlockList, entry: string): void {
  const [address = '', prefix] = entry.split('/');
  const plain = unmapIpv4(address);
  const type = isIPv4(plain) ? 'ipv4' : isIPv6(plain) ? 'ipv6' : null;
  if (!type) {
    return; // validated on the way in; an unreadable entry admits nobody
  }
  if (prefix === undefined) {
    list.addAddress(plain, type);
  } else {
    list.addSubnet(plain, Number(prefix), type);
  }
}

/** A dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d. */
function unmapIpv4(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped?.[1] ?? ip;
}
