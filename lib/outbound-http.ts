// The SSRF guard for every request to a URL a tenant chose (lib/outbound-http/, docs/webhooks.md).
import type { Env } from './env.ts';
import { parseOutboundPolicy, type OutboundPolicy } from './outbound-http/address-policy.ts';

export { guardedFetch, assertUrlAllowed, TargetNotAllowedError } from './outbound-http/guarded-fetch.ts';
export type { GuardOptions, ResolveHost } from './outbound-http/guarded-fetch.ts';
export { parseOutboundPolicy, type OutboundPolicy } from './outbound-http/address-policy.ts';

const policies = new Map<string, OutboundPolicy>();

/**
 * The operator's policy: OUTBOUND_HTTP_ALLOW_PRIVATE, or when unset `loopback` in development and
 * tests (local receivers) and `none` in production. Parsed once per distinct setting.
 */
export function outboundPolicy(env: Pick<Env, 'NODE_ENV' | 'OUTBOUND_HTTP_ALLOW_PRIVATE'>): OutboundPolicy {
  const setting = env.OUTBOUND_HTTP_ALLOW_PRIVATE ?? (env.NODE_ENV === 'production' ? 'none' : 'loopback');
  let policy = policies.get(setting);
  if (!policy) {
    policy = parseOutboundPolicy(setting);
    policies.set(setting, policy);
  }
  return policy;
}
