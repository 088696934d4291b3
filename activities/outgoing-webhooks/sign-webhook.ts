// The webhook signature (docs/webhooks.md): `Parley-Signature: t=<unix seconds>,v1=<hex>` where
// v1 = HMAC-SHA256(secret, "<t>.<raw body>"). The timestamp is signed too, so a captured request
// cannot be replayed later than the receiver's tolerance.
import { createHmac, randomBytes } from 'node:crypto';

export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/** A new subscription secret: `whsec_` and 32 random bytes, shown to the tenant once. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
