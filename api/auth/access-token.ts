// Short-lived signed tokens: access tokens for API calls, and the one-step token that carries a
// correct password over to the second (TOTP) step of a login.
import { signJwt, verifyJwt } from '#lib/jwt';

export type AccessClaims = { userId: string; tenantId: string; sessionId: string };

export function issueAccessToken(claims: AccessClaims, secret: string, ttlSeconds: number): string {
  return signJwt(
    { sub: claims.userId, tid: claims.tenantId, sid: claims.sessionId, typ: 'access' },
    secret,
    ttlSeconds,
  );
}

export function readAccessToken(token: string, secret: string): AccessClaims | null {
  const claims = verifyJwt(token, secret);
  if (!claims || claims.typ !== 'access' || typeof claims.tid !== 'string' || typeof claims.sid !== 'string') {
    return null;
  }
  return { userId: claims.sub, tenantId: claims.tid, sessionId: claims.sid };
}

const MFA_TOKEN_TTL_SECONDS = 300;

export function issueMfaToken(userId: string, tenantId: string | null, secret: string): string {
  return signJwt({ sub: userId, tid: tenantId, typ: 'mfa' }, secret, MFA_TOKEN_TTL_SECONDS);
}

export function readMfaToken(token: string, secret: string): { userId: string; tenantId: string | null } | null {
  const claims = verifyJwt(token, secret);
  if (!claims || claims.typ !== 'mfa') {
    return null;
  }
  return { userId: claims.sub, tenantId: typeof claims.tid === 'string' ? claims.tid : null };
}
