// Login sessions: a rotating refresh token in an httpOnly cookie, and the access tokens minted
// from it. Reusing an already-rotated refresh token (after a short grace for concurrent tabs)
// revokes the whole session, which is what stops a stolen cookie.
import type { AppDeps, CookieJar, RequestMeta } from '../context.ts';
import { AppError } from '../errors.ts';
import { randomToken, sha256 } from '#lib/tokens';
import { issueAccessToken } from './access-token.ts';

export const REFRESH_COOKIE = 'parley_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';
const CONCURRENT_REFRESH_GRACE_MS = 30_000;
const SESSION_ID = /^[0-9a-f-]{36}$/;

export type SessionRef = { sessionId: string; userId: string; tenantId: string };

export async function startSession(
  deps: AppDeps,
  cookies: CookieJar,
  meta: RequestMeta,
  userId: string,
  tenantId: string,
): Promise<SessionRef> {
  const secret = randomToken();
  const ttlSeconds = deps.env.REFRESH_TOKEN_TTL_DAYS * 86_400;
  const session = await deps.prisma.session.create({
    data: {
      userId,
      tenantId,
      tokenHash: sha256(secret),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
      expiresAt: new Date(Date.now() + ttlSeconds * 1000),
    },
    select: { id: true },
  });
  cookies.set(REFRESH_COOKIE, `${session.id}.${secret}`, { maxAgeSeconds: ttlSeconds, path: REFRESH_COOKIE_PATH });
  await deps.prisma.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() } });
  return { sessionId: session.id, userId, tenantId };
}

/** Exchanges the refresh cookie for a new one; the caller then mints an access token. */
export async function rotateSession(deps: AppDeps, cookies: CookieJar): Promise<SessionRef> {
  const [sessionId, secret] = (cookies.get(REFRESH_COOKIE) ?? '').split('.');
  if (!sessionId || !secret || !SESSION_ID.test(sessionId)) {
    throw new AppError('UNAUTHENTICATED', 'Not signed in');
  }
  const session = await deps.prisma.session.findUnique({ where: { id: sessionId } });
  if (!session || session.revokedAt || session.expiresAt < new Date()) {
    cookies.clear(REFRESH_COOKIE, REFRESH_COOKIE_PATH);
    throw new AppError('UNAUTHENTICATED', 'This session has ended: sign in again');
  }
  const presented = sha256(secret);
  const ref = { sessionId, userId: session.userId, tenantId: session.tenantId };
  const next = randomToken();
  const rotated = await deps.prisma.session.updateMany({
    where: { id: sessionId, tokenHash: presented, revokedAt: null },
    data: { tokenHash: sha256(next), previousHash: presented, lastRotatedAt: new Date() },
  });
  if (rotated.count === 1) {
    const maxAgeSeconds = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
    cookies.set(REFRESH_COOKIE, `${sessionId}.${next}`, { maxAgeSeconds, path: REFRESH_COOKIE_PATH });
    return ref;
  }
  const isConcurrentRefresh =
    session.previousHash === presented && Date.now() - session.lastRotatedAt.getTime() < CONCURRENT_REFRESH_GRACE_MS;
  if (isConcurrentRefresh) {
    return ref;
  }
  await revokeSession(deps, sessionId);
  cookies.clear(REFRESH_COOKIE, REFRESH_COOKIE_PATH);
  deps.logger.warn({ sessionId, userId: session.userId }, 'refresh token reuse detected: session revoked');
  throw new AppError('UNAUTHENTICATED', 'This session was ended for your security: sign in again');
}

/** The session of a refresh cookie whose secret is current (or just rotated), else null. */
export async function sessionIdFromCookie(deps: AppDeps, cookies: CookieJar): Promise<string | null> {
  const [sessionId, secret] = (cookies.get(REFRESH_COOKIE) ?? '').split('.');
  if (!sessionId || !secret || !SESSION_ID.test(sessionId)) {
    return null;
  }
  const hash = sha256(secret);
  const session = await deps.prisma.session.findFirst({
    where: { id: sessionId, OR: [{ tokenHash: hash }, { previousHash: hash }] },
    select: { id: true },
  });
  return session?.id ?? null;
}

export async function revokeSession(deps: AppDeps, sessionId: string): Promise<void> {
  await deps.prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export function mintAccessToken(deps: AppDeps, ref: SessionRef): { accessToken: string; expiresInSeconds: number } {
  const expiresInSeconds = deps.env.ACCESS_TOKEN_TTL_SECONDS;
  return { accessToken: issueAccessToken(ref, deps.jwtSecret, expiresInSeconds), expiresInSeconds };
}
