// Minimal HS256 JSON Web Tokens for Parley's own short-lived access tokens. Only our API issues
// and reads them, so one algorithm, fixed, with the secret from JWT_SECRET.
import { createHmac } from 'node:crypto';
import { safeEqual } from './tokens.ts';

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export type JwtClaims = { sub: string; exp: number; iat: number; [claim: string]: unknown };

export function signJwt(claims: Record<string, unknown>, secret: string, ttlSeconds: number, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const payload = base64url(JSON.stringify({ ...claims, iat, exp: iat + ttlSeconds }));
  return `${HEADER}.${payload}.${sign(`${HEADER}.${payload}`, secret)}`;
}

/** The claims of a valid, unexpired token signed with `secret`, else null. */
export function verifyJwt(token: string, secret: string, now = Date.now()): JwtClaims | null {
  const [header, payload, signature, extra] = token.split('.');
  if (header !== HEADER || !payload || !signature || extra !== undefined) {
    return null;
  }
  if (!safeEqual(signature, sign(`${header}.${payload}`, secret))) {
    return null;
  }
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as JwtClaims;
    return typeof claims.exp === 'number' && claims.exp * 1000 > now && typeof claims.sub === 'string' ? claims : null;
  } catch {
    return null;
  }
}

function sign(data: string, secret: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
