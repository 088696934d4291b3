// Who is acting, as the assignment log and notifications name them.
import type { TenantContext } from '../context.ts';

export type Actor = { kind: 'user' | 'api_key'; id: string; label: string };

export async function actorOf(ctx: TenantContext): Promise<Actor> {
  const { principal } = ctx;
  if (principal.kind === 'apiKey') {
    return { kind: 'api_key', id: principal.apiKeyId, label: `API key "${principal.name}"` };
  }
  const member = await ctx.db.membership.findFirst({
    where: { userId: principal.userId },
    select: { user: { select: { name: true } } },
  });
  return { kind: 'user', id: principal.userId, label: member?.user.name ?? principal.email };
}
