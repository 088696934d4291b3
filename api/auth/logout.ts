// Ends the session of the refresh cookie: the refresh token and every access token minted from
// it stop working at once (authenticate.ts checks the session on every request).
import type { PublicContext } from '../context.ts';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH, revokeSession, sessionIdFromCookie } from './sessions.ts';

export async function logout(ctx: PublicContext): Promise<void> {
  const sessionId = await sessionIdFromCookie(ctx.deps, ctx.cookies);
  if (sessionId) {
    await revokeSession(ctx.deps, sessionId);
  }
  ctx.cookies.clear(REFRESH_COOKIE, REFRESH_COOKIE_PATH);
}
