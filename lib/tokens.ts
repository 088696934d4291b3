// Random secrets handed to users (API keys, refresh tokens, invitation links) and their hashes.
// They carry 256 bits of entropy, so a fast SHA-256 is the right hash for lookups; passwords,
// which people choose, use argon2 instead (api/auth/passwords.ts).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
