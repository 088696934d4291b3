// Exchanges the refresh cookie for a rotated one and a fresh session payload (access token included).
import type { PublicContext } from '../context.ts';
import { describeSession } from './describe-session.ts';
import type { Session } from './schemas.ts';
import { rotateSession } from './sessions.ts';

export async function refreshSession(ctx: PublicContext): Promise<Session> {
  return describeSession(ctx.deps, await rotateSession(ctx.deps, ctx.cookies));
}
