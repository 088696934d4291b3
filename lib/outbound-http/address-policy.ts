// Which network addresses outgoing requests (webhooks, flow HTTP nodes, automations) may reach.
// Private, loopback, link-local, CGNAT, multicast, reserved and unspecified ranges are refused
// unless the operator allows them with OUTBOUND_HTTP_ALLOW_PRIVATE (docs/webhooks.md, "SSRF guard").
import net from 'node:net';

/** Ranges a tenant-supplied URL may not reach: nothing on the server's own networks. */
const BLOCKED_RANGES: Array<[string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'], // "this network", unspecified
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'], // CGNAT
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'], // link-local, cloud metadata
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, broadcast
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'], // NAT64: may embed any IPv4, private ones included
  ['100::', 64, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['fc00::', 7, 'ipv6'], // unique local
  ['fe80::', 10, 'ipv6'], // link-local
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'], // multicast
];

const blocked = new net.BlockList();
for (const [address, prefix, type] of BLOCKED_RANGES) {
  blocked.addSubnet(address, prefix, type);
}

/** What the operator allows beyond the public internet. */
export type OutboundPolicy = {
  /** `*`: every address (a trusted, single-tenant install) */
  allowAll: boolean;
  /** Host names allowed whatever they resolve to (lower case) */
  hosts: Set<string>;
  /** Addresses and CIDRs allowed even though they are private */
  addresses: net.BlockList;
  /** The setting as given, for messages */
  description: string;
};

/** The aliases an entry may use. `loopback` is what development and tests default to. */
const ALIASES: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128', 'localhost'],
  none: [],
};

/**
 * Parses the comma-separated setting: `*`, `none`, `loopback`, host names, IP addresses and CIDRs
 * (`10.0.0.0/8`, `fd00::/8`). Throws on an entry it cannot read, so a typo fails at boot.
 */
export function parseOutboundPolicy(setting: string): OutboundPolicy {
  const policy: OutboundPolicy = {
    allowAll: false,
    hosts: new Set(),
    addresses: new net.BlockList(),
    description: setting,
  };
  const entries = setting
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
    .flatMap((entry) => ALIASES[entry] ?? [entry]);
  for (const entry of entries) {
    addEntry(policy, entry);
  }
  return policy;
}

function addEntry(policy: OutboundPolicy, entry: string): void {
  if (entry === '*') {
    policy.allowAll = true;
    return;
  }
  const [address, prefix] = entry.split('/');
  const family = net.isIP(address ?? '');
  if (family !== 0 && address) {
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
    if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) {
      throw new Error(`OUTBOUND_HTTP_ALLOW_PRIVATE: "${entry}" has an invalid prefix length`);
    }
    policy.addresses.addSubnet(address, bits, type);
    return;
  }
  if (prefix !== undefined || !/^[a-z0-9.-]+$/.test(entry)) {
    throw new Error(`OUTBOUND_HTTP_ALLOW_PRIVATE: "${entry}" is not a host name, an address or a CIDR`);
  }
  policy.hosts.add(entry);
}

/** The reason an address may not be reached under the policy, or null when it may. */
export function addressRefusal(address: string, policy: OutboundPolicy): string | null {
  const family = net.isIP(address);
  if (family === 0) {
    return `${address} is not an IP address`;
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (policy.allowAll || !blocked.check(address, type) || policy.addresses.check(address, type)) {
    return null;
  }
  return `${address} is a private, loopback, link-local or reserved address`;
}

export function isHostAllowedByName(hostname: string, policy: OutboundPolicy): boolean {
  return policy.allowAll || policy.hosts.has(hostname.toLowerCase().replace(/\.$/, ''));
}
