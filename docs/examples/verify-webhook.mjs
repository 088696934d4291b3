// Verifying a Parley webhook in Node.js (docs/webhooks.md). No dependencies.
// Use the raw request body (the exact bytes received), not a re-serialised JSON object.
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * @param {string} secret     the subscription's secret (whsec_...)
 * @param {string} header     the Parley-Signature header: t=<unix seconds>,v1=<hex>[,v1=<hex>]
 * @param {string} rawBody    the request body as received
 * @param {number} toleranceSeconds  reject older (or future) timestamps: replayed requests
 */
export function verifyParleySignature(secret, header, rawBody, toleranceSeconds = 300) {
  const parts = header.split(',').map((part) => part.trim().split('='));
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1]);
  const signatures = parts.filter(([key]) => key === 'v1').map(([, value]) => value);
  if (!Number.isInteger(timestamp) || signatures.length === 0) {
    return false;
  }
  if (Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) {
    return false;
  }
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  return signatures.some((signature) => {
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

// Command line, for a quick check: node verify-webhook.mjs <secret> <signature header> < body
if (import.meta.url === `file://${process.argv[1]}`) {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  const valid = verifyParleySignature(process.argv[2], process.argv[3], Buffer.concat(chunks).toString('utf8'));
  console.log(valid ? 'valid' : 'invalid');
  process.exit(valid ? 0 : 1);
}
