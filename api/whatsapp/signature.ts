// X-Hub-Signature-256: `sha256=` + hex HMAC-SHA256 of the raw body keyed with the app secret
// (contract §3). Meta's docs disagree on whether non-ASCII characters are hashed raw or as
// \uXXXX escapes, so we sign escaped bodies (both forms then agree) and accept either form.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-hub-signature-256';

export function signatureFor(body: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

export function isValidSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!header || !/^sha256=[0-9a-f]{64}$/i.test(header)) {
    return false;
  }
  const given = Buffer.from(header.slice(7).toLowerCase(), 'hex');
  const matches = (body: Buffer | string) =>
    timingSafeEqual(given, Buffer.from(signatureFor(body, appSecret).slice(7), 'hex'));
  if (matches(rawBody)) {
    return true;
  }
  const text = rawBody.toString('utf8');
  return /[\u0080-\uffff]/.test(text) && matches(escapeNonAscii(text));
}

/** JSON text with every non-ASCII character written as a lowercase \uXXXX escape (UTF-16 units). */
export function escapeNonAscii(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
